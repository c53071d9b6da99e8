/** The no-result view's strings (an empty search the API answered with `no_match`). */
export interface NoMatchMessages {
  /** A complaint topic ("lampu jalan mati"): the heading. */
  complaintTitle: string;
  /** `{q}`: what was searched. */
  complaintFor: string;
  complaintBody: string;
  /** Words no service has: the heading of the complaint route below the empty state. */
  unknownTitle: string;
  unknownBody: string;
  /** After a national channel's name (SP4N-LAPOR!). */
  national: string;
}
