/** The citizen's proof of access to an application, as a header (never in the URL). */
export const secretHeader = (secret: string) => ({ 'loket-secret': secret });
