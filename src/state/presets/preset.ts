export interface Preset {
  id: string;
  title: string;
  /** What it shows, in one line of plain words. */
  lesson: string;
  /** A URL query that decodes without any notice. */
  query: string;
}
