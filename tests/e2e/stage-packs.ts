/**
 * Staging pack files as the side panel does when a reader chooses them: each file is added to the
 * extension database's `stagedPacks` table, and `importStagedPacks` (sent afterwards by the caller)
 * imports them in the background. Shared by the Firefox idle-import test and the product packs
 * bench, which both stage from an extension page.
 */

/** A pack file to stage: where the page fetches it from, and the file name it is staged under. */
export interface PackToStage {
  url: string;
  name: string;
}

/**
 * Runs inside an extension page (serialized: it may use nothing from outside its body): fetches
 * every file and adds them all in one transaction. Call once the bundled dataset's import is done,
 * so the database exists with its tables.
 */
export async function stagePacksInPage(files: readonly PackToStage[]): Promise<void> {
  const blobs = await Promise.all(files.map(async ({ url }) => (await fetch(url)).blob()));
  await new Promise<void>((staged, failed) => {
    const open = indexedDB.open('kamerlens');
    open.onerror = () => failed(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction('stagedPacks', 'readwrite');
      const store = tx.objectStore('stagedPacks');
      for (const [i, file] of blobs.entries())
        store.add({ fileName: files[i]?.name, file, stagedAt: new Date().toISOString() });
      tx.oncomplete = () => {
        db.close();
        staged();
      };
      tx.onerror = () => failed(tx.error);
    };
  });
}
