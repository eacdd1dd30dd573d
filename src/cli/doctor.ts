import type { Check } from '../core/check.ts';
import type { CliCommand } from './command.ts';
import { localeOr, registerPlatformStrings, translate } from '../i18n/translate.ts';
import { configParts, platforms } from '../main.ts';
import { runDoctor } from './doctor-checks.ts';

const marks: Record<Check['status'], string> = { ok: '✓', warning: '!', failed: '✗', skipped: '-' };

/** One line per check, in the operator's language: what was found — what to do. */
export function doctorReport(checks: Check[], locale: string): string {
  return checks.map(({ status, message, fix, params }) => `${marks[status]} ${translate(locale, message, params)}${fix ? ` — ${translate(locale, fix, params)}` : ''}\n`).join('');
}

/** `relais doctor`: exit code 1 when a check failed (a warning is not a failure). */
export const doctorCommand: CliCommand = {
  help: 'check the configuration, the database and its migrations, each platform’s tokens, the public address and the wiki',
  async handler(_argv, env) {
    for (const module of platforms) registerPlatformStrings(module.name, module.strings);
    const checks = await runDoctor(env, platforms, configParts());
    process.stdout.write(doctorReport(checks, localeOr(env.RELAIS_LOCALE, 'fr')));
    return checks.some((check) => check.status === 'failed') ? 1 : 0;
  },
};
