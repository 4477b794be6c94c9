/**
 * Whether a FHIR file holds a program from the clinic (a CarePlan or a Goal), read on the phone before anything is
 * sent (issue 15): the Walk page then asks whether to take the program's stage and walking target from it, instead of
 * asking before the file is chosen. The file is read in slices (a Bundle can be hundreds of MB) and searched for a
 * resource's type as JSON writes it, `"resourceType": "CarePlan"`; nothing of it leaves the phone for this.
 */

/** What a FHIR file is named like (the kinds upload-import.ts sends program=adopt with). */
export const isFhirFileName = (name: string): boolean => /\.(nd)?json$/i.test(name);

const PROGRAM = /"resourceType"\s*:\s*"(?:CarePlan|Goal)"/;
/** A slice of the file at a time; the overlap keeps a match cut at a slice's end (the pattern is under 64 characters with its spaces). */
const SLICE = 4 * 1024 * 1024;
const OVERLAP = 256;

/** True when the file names a CarePlan or Goal resource; false for anything else, or when it cannot be read. */
export async function holdsProgram(file: Blob): Promise<boolean> {
  try {
    for (let at = 0; at < file.size; at += SLICE) {
      const text = await file.slice(Math.max(0, at - OVERLAP), at + SLICE).text();
      if (PROGRAM.test(text)) return true;
    }
  } catch {
    // Unreadable here: the import itself says what is wrong with the file.
  }
  return false;
}
