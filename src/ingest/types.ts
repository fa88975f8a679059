import type { Language } from '../framework/schema.ts';

export type SourceFormat = 'text' | 'markdown' | 'pdf' | 'docx' | 'html';
export type PassageLanguage = Language | 'und';
export type PassageKind = 'heading' | 'paragraph' | 'list_item' | 'table_row' | 'footnote';

/** One line as a reader found it, with where it came from. */
export interface SourceLine {
  text: string;
  /** 1-based line in the text the reader produced (for text files: the file's own lines). */
  line: number;
  page?: number;
}

/** What a reader returns: lines of text, tables as tab-separated cells. */
export interface RawDocument {
  format: SourceFormat;
  lines: SourceLine[];
  title?: string;
}

/** A passage of the document model: the unit that is searched, classified and cited. */
export interface Passage {
  ordinal: number;
  kind: PassageKind;
  /** Clean plain text; a table row's cells joined with " | ", list items inside a cell on new lines. */
  text: string;
  /** Table rows: the clean cells. */
  cells?: string[];
  /** Headings from the top down, e.g. ["2 Ensuring …", "2.2 Continuation of the criminal policy"]. */
  sectionPath: string[];
  language: PassageLanguage;
  line: number;
  endLine: number;
  page?: number;
  /** Heading depth (1 = top). */
  level?: number;
  /** The whole text was emphasised (bold) in the source: header cells, action titles. */
  emphasised?: boolean;
  /** Footnote markers removed from the text (`<sup>4</sup>` → "4"). */
  footnoteRefs?: string[];
}

export interface ParsedDocument {
  format: SourceFormat;
  title: string;
  language: PassageLanguage;
  passages: Passage[];
}
