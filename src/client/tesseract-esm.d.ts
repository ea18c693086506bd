/**
 * tesseract.js's own ES module build: self-contained, so the OCR chunk shares no CommonJS interop
 * runtime with the island's chunks (bundling its CommonJS sources would split one out, loaded by
 * every page). Its types are the package's.
 */
declare module 'tesseract.js/dist/tesseract.esm.min.js' {
  import Tesseract from 'tesseract.js';
  export default Tesseract;
}
