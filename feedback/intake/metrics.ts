import { counter } from '@core/metrics/registry.ts';

const intake = counter({
  name: 'kb_complaint_intake_total',
  help: 'Complaints taken in, by channel (web form, API, mail, and those staff record: phone, email, letter, in-person) and outcome: created, replayed, invalid, honeypot, rate-limited, conflict, error',
  labelNames: ['channel', 'outcome'],
});

export function countIntake(channel: string, outcome: string): void {
  intake.inc({ channel, outcome });
}
