/** Reads chosen files as text (File.text where the browser has it, else FileReader). */
export async function readFilesAsText(
  list: FileList | readonly File[] | null | undefined
): Promise<{ name: string; text: string }[]> {
  if (!list) return [];
  return Promise.all([...list].map(async (f) => ({ name: f.name, text: await fileText(f) })));
}

function fileText(file: File): Promise<string> {
  if (typeof file.text === "function") return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ""));
    reader.onerror = () => reject(reader.error ?? new Error(`could not read ${file.name}`));
    reader.readAsText(file);
  });
}
