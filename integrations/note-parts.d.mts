export interface HastNode {
  type: string;
  tagName?: string;
  children?: HastNode[];
}
export interface NotePart {
  heading: HastNode;
  rest: HastNode[];
}
export const NOTE_PART_CLASS: string;
export function notePartsOf(children: readonly HastNode[]): NotePart[];
export function noteParts(document: { sourceFormat: string }): object | null;
