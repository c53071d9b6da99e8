// The officer's unsent work on one application (the chosen action, both notes, the ticked fields),
// kept in sessionStorage as it is typed: a session that ends mid-work, a reload or a crash of the
// tab loses nothing; it is forgotten once the transition is sent.

export interface NoteDraft {
  action: 'in_review' | 'needs_revision' | 'completed' | 'rejected' | null;
  note: string;
  publicNote: string;
  fields: string[];
}

export const emptyDraft: NoteDraft = { action: null, note: '', publicNote: '', fields: [] };

const key = (code: string) => `loket-desk:draft:${code}`;

export function loadDraft(code: string): NoteDraft | null {
  try {
    const raw = sessionStorage.getItem(key(code));
    return raw ? { ...emptyDraft, ...(JSON.parse(raw) as Partial<NoteDraft>) } : null;
  } catch {
    return null;
  }
}

export function saveDraft(code: string, draft: NoteDraft): void {
  try {
    const empty = !draft.note && !draft.publicNote && draft.fields.length === 0 && !draft.action;
    if (empty) sessionStorage.removeItem(key(code));
    else sessionStorage.setItem(key(code), JSON.stringify(draft));
  } catch {
    // Storage full or refused: the draft stays in memory only.
  }
}

export const forgetDraft = (code: string) => saveDraft(code, emptyDraft);
