import type { HostOutcome } from '../bot/domain';
import { type CardElement, container, facts } from './card-kit';

const PLACEHOLDER = '@@HOST@@';
/** More names than this in one line are collapsed behind "Show all N hosts". */
const SHOWN = 3;

/** "PC-001, PC-002, PC-003 and 37 more" */
export function hostList(names: readonly string[]): string {
  return names.length <= SHOWN + 1
    ? names.join(', ')
    : `${names.slice(0, SHOWN).join(', ')} and ${names.length - SHOWN} more`;
}

/**
 * One section per group of hosts with the same story (the same keys found, the same change, the same
 * failure), not one per host: a 40-host plan of identical clients is one section naming 40 hosts,
 * with the full list one click away, and the card stays short and under Teams' size limit.
 */
export function groupedSections(
  outcomes: readonly HostOutcome[],
  section: (outcome: HostOutcome) => CardElement[],
): CardElement[] {
  const groups = new Map<string, string[]>();
  for (const outcome of outcomes) {
    const key = JSON.stringify(section({ ...outcome, host: PLACEHOLDER }))
      .split(outcome.host)
      .join(PLACEHOLDER);
    groups.set(key, [...(groups.get(key) ?? []), outcome.host]);
  }
  return [...groups].map(([key, names], index) => {
    const label = names.length > 1 ? `${hostList(names)} (${names.length} hosts)` : (names[0] ?? '');
    const items = JSON.parse(key.split(PLACEHOLDER).join(label)) as CardElement[];
    if (names.length <= SHOWN + 1) return container(items);
    const id = `hosts-${index}`;
    return container([
      ...items,
      {
        type: 'ActionSet',
        actions: [{ type: 'Action.ToggleVisibility', title: `Show all ${names.length} hosts`, targetElements: [id] }],
      },
      { type: 'Container', id, isVisible: false, items: [facts([['Hosts', names.join(', ')]])] },
    ]);
  });
}
