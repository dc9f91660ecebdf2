import { toDesign, type EditorDocument } from '@architech/editor-core';

/** Offers `blob` as a download named `filename`. */
export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name made of the design's name: letters, digits and dashes. */
export function fileNameOf(doc: EditorDocument, extension: string): string {
  const base = doc.name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'design';
  return `${base}.${extension}`;
}

/** The design document (docs/architecture.md §4) as pretty JSON, the format `architech simulate` and the API read. */
export function designJson(doc: EditorDocument): string {
  return `${JSON.stringify(toDesign(doc), null, 2)}\n`;
}

/** Opens the browser's file picker for one JSON file and resolves with its text (undefined if cancelled). */
export function pickJsonFile(): Promise<{ name: string; text: string } | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'application/json,.json';
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(undefined);
      void file.text().then((text) => resolve({ name: file.name, text }));
    });
    input.addEventListener('cancel', () => resolve(undefined));
    input.click();
  });
}
