/** The result document and the receipt button (results.tsx): loaded with their code, after the first status. */
export interface ResultMessages {
  title: string;
  body: string;
  /** `{type}`: PDF, JPEG or PNG; `{size}`: "120 KB". */
  download: string;
  failed: string;
  receipt: string;
}
