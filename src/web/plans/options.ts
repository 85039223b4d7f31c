/**
 * Who can be responsible for an action: the units (and people) around the
 * child – the team members' units, the units where the child is enrolled
 * (the named person's), the lead professional's, your own – plus units the
 * plan already names and the units of catalogue interventions picked.
 */
import type { ChildDetail, Intervention, LeadProfessional, Me, Plan, TeamMember } from '../api-types.ts';

export type PersonOption = { id: string; name: string };
export type UnitOption = { id: string; name: string; agencyType: string | null; people: PersonOption[] };

/** Agencies whose actions together with social services' make the plan a SIP (domain/plan.ts). */
const HEALTH_CARE = ['child_health_care', 'maternity_care', 'primary_care', 'child_psychiatry'];

export function buildUnitOptions(input: {
  me: Me | null | undefined;
  team: readonly TeamMember[] | undefined;
  child: ChildDetail | null | undefined;
  lead: LeadProfessional | null | undefined;
  plan: Plan | null | undefined;
  picked: readonly Intervention[];
}): UnitOption[] {
  const units = new Map<string, UnitOption>();
  const unit = (id: string | null | undefined, name: string | null | undefined, agencyType: string | null) => {
    if (!id) return null;
    const existing = units.get(id);
    if (existing) {
      if (!existing.agencyType && agencyType) existing.agencyType = agencyType;
      return existing;
    }
    const created: UnitOption = { id, name: name || id, agencyType, people: [] };
    units.set(id, created);
    return created;
  };
  const person = (u: UnitOption | null, id: string | null | undefined, name: string | null | undefined) => {
    if (u && id && name && !u.people.some((p) => p.id === id)) u.people.push({ id, name });
  };

  for (const m of input.team ?? []) person(unit(m.unitId, m.unitName, m.agencyType), m.staffId, m.name);
  for (const e of input.child?.enrollments ?? []) {
    if (!e.current) continue;
    const u = unit(e.unitId, e.unitName, e.agencyType);
    const np = input.child?.namedPerson;
    if (u && np?.status === 'assigned' && np.unitName && np.unitName === e.unitName) person(u, np.staffId, np.name);
  }
  if (input.lead) person(unit(input.lead.unitId, input.lead.unitName, input.lead.agencyType), input.lead.staffId, input.lead.name);
  if (input.me) {
    for (const r of input.me.roles) person(unit(r.unitId, r.unitName, r.agencyType), input.me.id, `${input.me.givenName} ${input.me.familyName}`);
  }
  for (const i of input.picked) unit(i.unitId, i.unitName, i.agencyType);
  const plan = input.plan;
  if (plan) {
    for (const need of plan.content.needs) {
      for (const a of need.actions) {
        const u = unit(a.responsibleUnitId, plan.names.units[a.responsibleUnitId], null);
        person(u, a.responsibleStaffId, a.responsibleStaffId ? plan.names.staff[a.responsibleStaffId] : null);
      }
    }
  }
  for (const u of units.values()) u.people.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
  return [...units.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** The agencies with actions, as far as the options know them. */
export function agenciesOf(unitIds: readonly string[], options: readonly UnitOption[]): string[] {
  const agencies = new Set<string>();
  for (const id of unitIds) {
    const agency = options.find((u) => u.id === id)?.agencyType;
    if (agency) agencies.add(agency);
  }
  return [...agencies].sort();
}

export function looksLikeSip(agencies: readonly string[]): boolean {
  return agencies.includes('social_services') && agencies.some((a) => HEALTH_CARE.includes(a));
}
