/**
 * The eight SHANARRI wellbeing indicators with the wording of the Scottish
 * statutory guidance (2022, gov.scot/policies/girfec/wellbeing-indicators-shanarri).
 * The English descriptions are the guidance's own words; the Swedish names
 * are those used in Swedish practice (må bra-hjulet) and the Swedish
 * descriptions are the project's translations (ours) until a municipality
 * supplies its own text.
 */
import type { ModelProfileInput } from './schema.ts';

type Wellbeing = ModelProfileInput['wellbeing'];

export const SHANARRI_INDICATORS: Wellbeing['indicators'] = [
  {
    key: 'safe',
    name: { sv: 'Trygg', en: 'Safe' },
    description: {
      sv: 'Växer upp i en miljö där barnet eller den unga känner sig trygg, omhändertagen, lyssnad på och får utvecklas till sin fulla potential; det innefattar frihet från övergrepp och försummelse.',
      en: 'growing up in an environment where a child or young person feels secure, nurtured, listened to and enabled to develop to their full potential; includes freedom from abuse or neglect.',
    },
  },
  {
    key: 'healthy',
    name: { sv: 'Hälsosam', en: 'Healthy' },
    description: {
      sv: 'Bästa möjliga fysiska och psykiska hälsa, tillgång till lämplig hälso- och sjukvård och stöd i att lära sig göra hälsosamma och säkra val.',
      en: 'the highest attainable standards of physical and mental health, access to suitable healthcare, and support in learning to make healthy and safe choices.',
    },
  },
  {
    key: 'achieving',
    name: { sv: 'Presterande', en: 'Achieving' },
    description: {
      sv: 'Får stöd och vägledning i sitt lärande och i att utveckla färdigheter, självförtroende och självkänsla – hemma, i skolan och i samhället.',
      en: 'supported and guided in learning and in developing skills, confidence and self-esteem, at home, in school and in the community.',
    },
  },
  {
    key: 'nurtured',
    name: { sv: 'Omvårdad', en: 'Nurtured' },
    description: {
      sv: 'Växer, utvecklas och tas om hand i en miljö med den fysiska och känslomässiga trygghet, medkänsla och värme som behövs för en sund utveckling, motståndskraft och en positiv identitet.',
      en: 'growing, developing and being cared for in an environment with the physical and emotional security, compassion and warmth needed for healthy growth, resilience and a positive identity.',
    },
  },
  {
    key: 'active',
    name: { sv: 'Aktiv', en: 'Active' },
    description: {
      sv: 'Möjligheter att delta i lek, fritidsaktiviteter och idrott som bidrar till en sund uppväxt och utveckling.',
      en: 'opportunities to take part in play, recreation and sport that contribute to healthy growth and development.',
    },
  },
  {
    key: 'respected',
    name: { sv: 'Respekterad', en: 'Respected' },
    description: {
      sv: 'Delaktig i och hörd i beslut som påverkar det egna livet, med stöd när det behövs.',
      en: 'involved in and heard in decisions that affect their life, with support where appropriate.',
    },
  },
  {
    key: 'responsible',
    name: { sv: 'Ansvarstagande', en: 'Responsible' },
    description: {
      sv: 'Möjligheter och uppmuntran att ta aktiva och ansvarsfulla roller hemma, i skolan och i samhället, med vägledning och tillsyn när det behövs.',
      en: 'opportunities and encouragement to play active and responsible roles at home, in school and in the community, with guidance and supervision where necessary.',
    },
  },
  {
    key: 'included',
    name: { sv: 'Inkluderad', en: 'Included' },
    description: {
      sv: 'Hjälp att övervinna ojämlikhet; accepterad som en del av familjen, skolan och samhället.',
      en: 'help to overcome inequalities; accepted as part of family, school and community.',
    },
  },
];

/**
 * SHANARRI scored 1–5. The Scottish guidance prescribes no numeric scale (the
 * wheel is used for discussion), so we use the 1–5 scale of Ystad's
 * Behovskompassen: scores stay comparable across the Swedish profiles and five
 * points are few enough to score together with a child. Higher is better; the
 * anchor labels are ours.
 */
export const SHANARRI_SCALE: Wellbeing['scale'] = {
  min: 1,
  max: 5,
  labels: [
    { value: 1, label: { sv: 'Mycket dåligt', en: 'Very poor' } },
    { value: 2, label: { sv: 'Ganska dåligt', en: 'Fairly poor' } },
    { value: 3, label: { sv: 'Varken bra eller dåligt', en: 'Neither good nor poor' } },
    { value: 4, label: { sv: 'Ganska bra', en: 'Fairly good' } },
    { value: 5, label: { sv: 'Mycket bra', en: 'Very good' } },
  ],
};

export const SHANARRI_WELLBEING: Wellbeing = {
  tool: 'shanarri',
  scale: SHANARRI_SCALE,
  indicators: SHANARRI_INDICATORS,
};
