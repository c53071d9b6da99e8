import { assertAgencyExists, OfficerInputError } from '../applications/officer-tokens.js';
import type { CommandTools } from '../cli.js';
import { defaultComplaintDays, setComplaintTarget } from '../complaints/target.js';
import { fail, runCommand } from './command.js';

const usage = `loket-server complaints <command>

An agency's own response target for complaints, in working days (1-60). Without one, complaints
get the default of ${defaultComplaintDays} working days (docs/complaints.md says where it comes from).

Commands:
  target AGENCY DAYS [--source S]   set AGENCY's target, e.g. complaints target dukcapil 3 --source https://…
  target AGENCY --default           remove AGENCY's own target (the default applies again)
  targets                           list the agencies' own targets, "AGENCY<TAB>DAYS<TAB>SOURCE" per line

Exit status: 0 on success, 1 on any error (the message is on stderr).`;

const spec = {
  name: 'complaints',
  usage,
  options: {
    default: { type: 'boolean', default: false },
    source: { type: 'string' },
  },
  inputErrors: [OfficerInputError],
} as const;

/** `loket-server complaints …` (dispatched by src/cli.ts). */
export const run = (args: string[], tools: Pick<CommandTools, 'withDb'>): Promise<number> =>
  runCommand(args, spec, async (command, [agency, days, extra], values) => {
    if (command === 'targets') {
      if (agency !== undefined) return fail(usage);
      const rows = await tools.withDb((db) =>
        db.query<{ agency_id: string; working_days: number; source: string | null }>(
          'select agency_id, working_days, source from complaint_target order by agency_id',
        ),
      );
      if (rows.length === 0)
        console.error(`no agency has its own target; the default is ${defaultComplaintDays}`);
      for (const r of rows) console.log(`${r.agency_id}\t${r.working_days}\t${r.source ?? ''}`);
      return 0;
    }
    if (command !== 'target') return undefined;
    if (!agency || extra !== undefined) return fail(usage);
    if (values.default) {
      if (days !== undefined) return fail('complaints target AGENCY --default takes no DAYS');
      await tools.withDb(async (db) => {
        await assertAgencyExists(db, agency);
        await setComplaintTarget(db, agency, null, null);
      });
      console.log(`${agency}: the default of ${defaultComplaintDays} working days applies`);
      return 0;
    }
    const n = Number(days);
    if (!days || !Number.isInteger(n) || n < 1 || n > 60)
      return fail('DAYS must be a whole number from 1 to 60');
    await tools.withDb(async (db) => {
      await assertAgencyExists(db, agency);
      await setComplaintTarget(db, agency, n, values.source ?? null);
    });
    console.log(`${agency}: complaints answered within ${n} working days`);
    return 0;
  });
