import type { Activity } from 'botbuilder';
import { VERB } from '../../cards/verbs';
import { clickPayload, hostCalls, pendingAndSubmitted, snapshot } from '../support/request-fixture';
import {
  adele,
  alex,
  cardText,
  createTurnHarness,
  FROM_ELSEWHERE,
  gus,
  HOSTS,
  isaiah,
  mallory,
  megan,
  outsider,
} from '../support/turn-harness';

const PEOPLE: Record<string, [typeof alex, Partial<Activity>]> = {
  requester: [alex, {}],
  helpdesk: [adele, {}],
  approver: [megan, {}],
  admin: [isaiah, {}],
  guest: [gus, {}],
  noRole: [mallory, {}],
  otherTenant: [outsider, FROM_ELSEWHERE],
};
const MESSAGES: Record<string, string> = {
  change: 'reset the client license on PC-043',
  read: "what's wrong with RDSH01?",
  status: 'status of my last request',
  cancel: 'cancel my last request',
  audit: 'show the audit log for RDSH01',
};
const names = HOSTS.map((h) => h.name);

async function outcome(act: 'say' | 'click', what: string, who: string): Promise<string> {
  const bot = createTurnHarness();
  const fixture = await pendingAndSubmitted(bot);
  const [user, extra] = PEOPLE[who]!;
  const before = await snapshot(bot);
  const calls = hostCalls(bot);
  const answer =
    act === 'say'
      ? cardText((await bot.say(MESSAGES[what]!, user, extra))[0])
      : cardText((await bot.click(what, clickPayload(what, fixture), user, extra)).value);
  await bot.background.idle();
  const changed = (await snapshot(bot)) !== before;
  const ran = hostCalls(bot) !== calls;
  const saw = names.some((n) => answer.includes(n)) || answer.includes('Alex Wilber');
  return changed ? 'changes' : ran ? 'reads' : saw ? 'sees' : '-';
}

/**
 * Who may do what (issue 12): every message kind and every card verb tried by every kind of person,
 * on Alex's waiting client reset and submitted mode change. A cell says what the attempt did:
 * `changes` (a request moved or was made), `reads` (hosts were read), `sees` (the answer names a host
 * or the requester), `-` (nothing). Strangers (no role, another tenant) must be `-` everywhere.
 */
const EXPECTED = `
                  requester helpdesk approver admin   guest    noRole  otherTenant
change            changes   changes  -        changes -        -       -
read              reads     reads    reads    reads   reads    -       -
status            sees      -        -        -       -        -       -
cancel            changes   -        -        -       -        -       -
audit             sees      sees     sees     sees    sees     -       -
request.confirm   changes   sees     sees     sees    sees     -       -
request.cancel    changes   sees     sees     sees    sees     -       -
request.complete  -         changes  -        changes -        -       -
request.choose    -         -        -        -       -        -       -
request.ask       -         -        -        -       -        -       -
request.submit    -         sees     sees     sees    sees     -       -
request.resubmit  sees      sees     sees     sees    sees     -       -
request.resume    sees      -        -        -       -        -       -
approval.approve  sees      sees     changes  sees    sees     -       -
approval.reject   sees      sees     changes  sees    sees     -       -
approval.refresh  sees      sees     sees     sees    sees     -       -
`;
const rows = EXPECTED.trim()
  .split('\n')
  .slice(1)
  .map((line) => line.trim().split(/\s+/) as [string, ...string[]]);
const people = Object.keys(PEOPLE);

let cells = 0;
let unexpected = 0;

describe('who may do what', () => {
  afterAll(() => console.log(`who may do what: ${cells} tried, ${unexpected} not as the table says`));

  it('covers every message kind and every card verb', () => {
    expect(rows.map(([what]) => what)).toEqual([...Object.keys(MESSAGES), ...Object.values(VERB)]);
  });

  it.each(rows)('%s does for each person what the table says', async (what, ...expected) => {
    const actual: string[] = [];
    for (const who of people) actual.push(await outcome(what in MESSAGES ? 'say' : 'click', what, who));
    cells += actual.length;
    unexpected += actual.filter((cell, i) => cell !== expected[i]).length;
    expect(Object.fromEntries(people.map((who, i) => [who, actual[i]]))).toEqual(
      Object.fromEntries(people.map((who, i) => [who, expected[i]])),
    );
  });
});
