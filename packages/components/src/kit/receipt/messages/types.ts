import type { Due } from '@loket/sdk';
import type { Plural } from '../../../i18n';

/** The receipt's strings ("Bukti pengajuan"). */
export interface ReceiptMessages {
  title: string;
  intro: string;
  loading: string;
  failed: string;
  retry: string;
  code: string;
  service: string;
  agency: string;
  sent: string;
  due: string;
  dueDate: string;
  days: Plural;
  sameDay: string;
  noDue: string;
  calendar: Record<Due['calendar'], string>;
  bring: string;
  bringNone: string;
  secret: string;
  print: string;
}
