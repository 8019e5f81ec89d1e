// Placeholder until the spreadsheets feature provides the import/export buttons.
export default function XlsxToolbar(_props: { onImported?: () => void }) {
  return null;
}
