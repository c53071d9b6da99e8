import type { Plural } from '../../src/i18n';

/** Every string of the officer desk (one dictionary for its components; docs/desk.md). */
export interface DeskMessages {
  title: string;
  loading: string;
  retry: string;
  nav: { label: string; queue: string; visits: string; complaints: string };
  language: string;
  signIn: {
    heading: string;
    expired: string;
    username: string;
    password: string;
    totp: string;
    totpHint: string;
    submit: string;
    wrong: string;
    locked: string;
    failed: string;
  };
  signOut: string;
  signedInAs: string;
  shortcuts: {
    heading: string;
    next: string;
    previous: string;
    open: string;
    back: string;
    review: string;
    revision: string;
    complete: string;
    reject: string;
    help: string;
  };
  status: Record<
    'submitted' | 'in_review' | 'needs_revision' | 'completed' | 'rejected' | 'withdrawn',
    string
  >;
  queue: {
    heading: string;
    filters: string;
    all: string;
    overdue: string;
    week: string;
    service: string;
    anyService: string;
    count: Plural;
    empty: string;
    more: string;
    columns: { code: string; service: string; status: string; submitted: string; due: string };
    noDue: string;
  };
  due: { late: Plural; today: string; left: Plural; none: string };
  application: {
    back: string;
    answers: string;
    attachments: string;
    view: string;
    hide: string;
    download: string;
    history: string;
    actor: { citizen: string; officer: string };
    internal: string;
    public: string;
    revisionFields: string;
    dueOn: string;
    submittedOn: string;
    result: string;
    noAnswer: string;
    yes: string;
    no: string;
  };
  action: {
    heading: string;
    none: string;
    to: Record<'in_review' | 'needs_revision' | 'completed' | 'rejected', string>;
    publicNote: string;
    publicNoteHint: string;
    reason: string;
    reasonHint: string;
    note: string;
    noteHint: string;
    fields: string;
    fieldsHint: string;
    resultFile: string;
    resultHint: string;
    confirm: string;
    cancel: string;
    done: string;
    conflict: string;
    reload: string;
    invalid: string;
    failed: string;
    needFields: string;
    needReason: string;
    restored: string;
  };
  visits: {
    heading: string;
    location: string;
    waiting: Plural;
    checkIn: string;
    checkInCode: string;
    checkedIn: string;
    callNext: string;
    called: string;
    nobody: string;
    current: string;
    done: string;
    noShow: string;
    closed: string;
    tickets: string;
    ticketStatus: Record<'booked' | 'waiting' | 'called' | 'done' | 'no_show' | 'cancelled', string>;
    walkIn: string;
    none: string;
    noLocation: string;
  };
  complaints: {
    heading: string;
    status: Record<'received' | 'answered' | 'closed', string>;
    category: Record<string, string>;
    all: string;
    count: Plural;
    empty: string;
    filed: string;
    dueBy: string;
    about: string;
    contact: string;
    answer: string;
    answerHint: string;
    send: string;
    answered: string;
    closeNote: string;
    close: string;
    closed: string;
  };
}
