/**
 * Word lists for the synthetic population. Common given and family names in
 * Sweden (including names of non-Nordic origin), fictional places, streets and
 * unit names – combined at random they describe nobody; every generated record
 * is flagged as test data.
 */

/** Fictional places: the collaboration area and its municipalities (codes 99xx are not in use). */
export const AREA_NAME = 'Samverkansområde Exempelbygd';
export const MUNICIPALITIES = [
  { name: 'Ekby kommun', code: '9901', city: 'Ekby', postalPrefix: '999', profileKey: 'tsi', share: 0.6 },
  { name: 'Sjöstads kommun', code: '9902', city: 'Sjöstad', postalPrefix: '998', profileKey: 'kronobarnsmodellen', share: 0.4 },
] as const;
export const REGION_NAME = 'Region Exempelbygd';
export const REGION_CODE = '99';
export const POLICE_NAME = 'Polisen, lokalpolisområde Exempelbygd';
/** E-mail domain for generated people and units (`.test` is reserved and never resolves). */
export const EMAIL_DOMAIN = 'exempelbygd.test';

export const GIVEN_NAMES_GIRLS = [
  'Alice', 'Maja', 'Vera', 'Elsa', 'Astrid', 'Ella', 'Wilma', 'Freja', 'Olivia', 'Ebba', 'Alma', 'Selma', 'Saga',
  'Agnes', 'Clara', 'Lilly', 'Stella', 'Ellen', 'Signe', 'Nora', 'Ines', 'Edith', 'Tyra', 'Hedda', 'Märta', 'Ester',
  'Linnéa', 'Åsa', 'Sofia', 'Leah', 'Amira', 'Yasmin', 'Hana', 'Sara', 'Lina', 'Noor', 'Zeynep', 'Aisha', 'Maryam',
  'Emilia', 'Julia', 'Ida', 'Moa', 'Thea', 'Elvira', 'Iris', 'Isabella', 'Liv', 'Mira', 'Dalia', 'Matilda', 'Molly',
  'Juni', 'Lova', 'Sigrid', 'Ronja', 'Greta', 'Elin', 'Hilda', 'Majken', 'Tilde', 'Frida', 'Emma', 'Hanna', 'Nova',
  'Amina', 'Sana', 'Mariam', 'Layla', 'Zahra', 'Ana', 'Lejla', 'Mia', 'Natalia', 'Lara', 'Tindra', 'Ylva', 'Tuva',
];

export const GIVEN_NAMES_BOYS = [
  'Noah', 'William', 'Hugo', 'Liam', 'Lucas', 'Oscar', 'Elias', 'Adam', 'Matteo', 'Leo', 'Vincent', 'Charlie', 'Olle',
  'Theo', 'Nils', 'Alexander', 'Arvid', 'Ludvig', 'Harry', 'Gustav', 'Isak', 'Axel', 'Viggo', 'Malte', 'Sixten',
  'Björn', 'Måns', 'Åke', 'Jonatan', 'Ali', 'Omar', 'Yusuf', 'Ibrahim', 'Mohammed', 'Amir', 'Karim', 'Emir', 'Milan',
  'Filip', 'Anton', 'Edvin', 'Melvin', 'Sam', 'Frans', 'Loke', 'Ivar', 'Kevin', 'Daniel', 'David', 'Mateo', 'Albin',
  'Benjamin', 'Carl', 'Emil', 'Gabriel', 'Henry', 'Jack', 'Josef', 'Love', 'Otto', 'Sigge', 'Tage', 'Valter', 'Eddie',
  'Mustafa', 'Hamza', 'Ahmad', 'Mehmet', 'Aron', 'Luka', 'Nikola', 'Marcus', 'Jonas', 'Linus', 'Jöns', 'Gösta', 'Tor',
];

export const GIVEN_NAMES_WOMEN = [
  'Anna', 'Eva', 'Maria', 'Karin', 'Sara', 'Lena', 'Emma', 'Malin', 'Jenny', 'Linda', 'Fatima', 'Leila', 'Marta',
  'Sofie', 'Camilla', 'Helena', 'Elin', 'Ingrid', 'Johanna', 'Therese', 'Åsa', 'Hanna', 'Cecilia', 'Annika', 'Jessica',
  'Sandra', 'Frida', 'Ida', 'Josefin', 'Louise', 'Amra', 'Nadia', 'Mina', 'Yasmin', 'Agnieszka', 'Aylin', 'Märta',
  'Lotta', 'Susanne', 'Kristina', 'Petra', 'Madeleine', 'Rebecka', 'Tove', 'Ulrika', 'Negin', 'Hiba', 'Rania',
];

export const GIVEN_NAMES_MEN = [
  'Johan', 'Erik', 'Lars', 'Anders', 'Peter', 'Mikael', 'Fredrik', 'Daniel', 'Ahmed', 'Hassan', 'Tomas', 'Jonas',
  'Per', 'Magnus', 'Mattias', 'Niklas', 'Stefan', 'Reza', 'Dragan', 'Andreas', 'Marcus', 'Henrik', 'Martin', 'Patrik',
  'Christoffer', 'Joakim', 'Olof', 'Björn', 'Håkan', 'Göran', 'Emil', 'Viktor', 'Samir', 'Ali', 'Mehmet', 'Tarik',
  'Jesper', 'Kristoffer', 'Robin', 'Sebastian', 'Rasmus', 'Oskar', 'Pontus', 'Ola', 'Amir', 'Piotr', 'Khalid',
];

export const FAMILY_NAMES = [
  'Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson',
  'Pettersson', 'Jonsson', 'Jansson', 'Hansson', 'Bengtsson', 'Jönsson', 'Lindberg', 'Jakobsson', 'Magnusson', 'Olofsson',
  'Lindström', 'Lindqvist', 'Lindgren', 'Berg', 'Axelsson', 'Bergström', 'Lundberg', 'Lind', 'Lundgren', 'Lundqvist',
  'Mattsson', 'Berglund', 'Fredriksson', 'Sandberg', 'Henriksson', 'Forsberg', 'Sjöberg', 'Wallin', 'Engström', 'Eklund',
  'Danielsson', 'Håkansson', 'Lundin', 'Björk', 'Bergman', 'Gunnarsson', 'Holm', 'Wikström', 'Samuelsson', 'Isaksson',
  'Fransson', 'Bergqvist', 'Nyström', 'Holmberg', 'Arvidsson', 'Löfgren', 'Söderberg', 'Nyberg', 'Blomqvist', 'Claesson',
  'Nordström', 'Mårtensson', 'Lundström', 'Viklund', 'Björklund', 'Eliasson', 'Pålsson', 'Berggren', 'Sandström', 'Åberg',
  'Ali', 'Mohammed', 'Ahmed', 'Hassan', 'Hussein', 'Yilmaz', 'Nguyen', 'Kovačević', 'Popović', 'Novak', 'Rahimi', 'Haddad',
  'Abdi', 'Omar', 'Karimi', 'Khalil', 'Demir', 'Kaya', 'Nowak', 'Kowalski', 'Hodžić', 'Petrović', 'Jovanović', 'Tran',
  'Rodriguez', 'Silva', 'Kim', 'Virtanen', 'Korhonen', 'Ibrahim', 'Osman', 'Farah', 'Sadiq', 'Mansour', 'Nazari', 'Haidari',
];

/** Streets in the fictional towns. */
export const STREETS = [
  'Björkvägen', 'Ekgatan', 'Lönnstigen', 'Skolgatan', 'Storgatan', 'Kvarngatan', 'Ängsvägen', 'Solrosvägen', 'Hagagatan',
  'Sjövägen', 'Bäckstigen', 'Tallbacken', 'Granvägen', 'Rönnvägen', 'Idrottsvägen', 'Parkgatan', 'Hamngatan', 'Åsgatan',
  'Kyrkogatan', 'Trädgårdsgatan', 'Prästgårdsvägen', 'Smedjegatan', 'Lärkvägen', 'Tranvägen', 'Videvägen', 'Hasselstigen',
  'Mossvägen', 'Strandvägen', 'Bruksgatan', 'Järnvägsgatan', 'Väktargatan', 'Klövervägen', 'Blåbärsstigen', 'Vallmovägen',
  'Fiskargatan', 'Mjölnarvägen', 'Gärdesvägen', 'Torggatan', 'Nygatan', 'Drottninggatan', 'Källvägen', 'Örnvägen',
];

/**
 * First parts of unit names (Swedish nature words that compound well:
 * "Ekskolan", "Björkdalsskolan", "Förskolan Lindhagen", "BVC Rönnberga").
 */
export const NAME_PREFIXES = [
  'Ek', 'Björk', 'Lind', 'Al', 'Asp', 'Rönn', 'Gran', 'Tall', 'Hassel', 'Lönn', 'Sol', 'Sjö', 'Bäck', 'Strand',
  'Kvarn', 'Mo', 'Sand', 'Sten', 'Ros', 'Vide', 'Fur', 'Alm', 'Ljung', 'Norr', 'Söder', 'Öster', 'Väster', 'Kyrk',
];
export const SCHOOL_SUFFIXES = ['skolan', 'dalsskolan', 'backeskolan', 'hagsskolan', 'viksskolan', 'lundsskolan', 'ängsskolan', 'åsskolan', 'bergsskolan'];
export const PRESCHOOL_SUFFIXES = ['backen', 'hagen', 'gården', 'dalen', 'ängen', 'lunden', 'viken', 'kullen', 'gläntan', 'stigen'];
export const DISTRICT_SUFFIXES = ['backa', 'berga', 'torp', 'vik', 'lund', 'hult', 'näs', 'åsen'];

/** Upper-secondary programmes (IM: introduction programme, for pupils not yet eligible for a national one). */
export const PROGRAMMES = ['NA', 'SA', 'TE', 'EK', 'ES', 'BF', 'EE', 'VO', 'HA', 'BA', 'IM'] as const;

/**
 * Phone numbers the Swedish Post and Telecom Authority (PTS) reserves for
 * fiction: 070-174 06 05 – 070-174 06 99 and 031-390 06 00 – 031-390 06 99.
 */
export function fictionalMobile(n: number): string {
  return `070-174 06 ${String(5 + (n % 95)).padStart(2, '0')}`;
}
export function fictionalLandline(n: number): string {
  return `031-390 06 ${String(n % 100).padStart(2, '0')}`;
}
