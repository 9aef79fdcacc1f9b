import type ExcelJS from 'exceljs';
import { IMPORT_KIND_DEFINITIONS } from './import-kinds.js';
import type { ImportKind } from './import.events.js';

export type TemplateLanguage = 'fr' | 'nl';

const BOOLEAN_WORDS: Readonly<Record<TemplateLanguage, readonly string[]>> = { fr: ['oui', 'non'], nl: ['ja', 'nee'] };

/**
 * The empty CSV template of a kind: its headers in the language, separated by
 * `;` and preceded by a BOM, as a French or Dutch Excel opens it.
 */
export function csvTemplate(kind: ImportKind, language: TemplateLanguage): Buffer {
  const headers = IMPORT_KIND_DEFINITIONS[kind].columns.map((column) => column[language]);
  return Buffer.from(`\ufeff${headers.map(quoted).join(';')}\r\n`, 'utf8');
}

/**
 * The empty XLSX template of a kind: the headers, date columns formatted as
 * dates, and the values a column takes offered as a list.
 */
export async function xlsxTemplate(kind: ImportKind, language: TemplateLanguage): Promise<Buffer> {
  // Loaded when first asked for, as the XLSX reader is: a service that never serves one does not hold exceljs.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  const sheet = workbook.addWorksheet(kind);
  const { columns } = IMPORT_KIND_DEFINITIONS[kind];
  sheet.columns = columns.map((column) => ({
    header: column[language],
    key: column.name,
    width: Math.max(14, column[language].length + 4),
    ...(column.type === 'date' ? { style: { numFmt: 'dd/mm/yyyy' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  columns.forEach((column, index) => {
    const values = column.type === 'boolean' ? BOOLEAN_WORDS[language] : column.values;
    if (!values) return;
    const letter = sheet.getColumn(index + 1).letter;
    validations(sheet).add(`${letter}2:${letter}100001`, {
      type: 'list',
      allowBlank: !column.required,
      formulae: [`"${values.join(',')}"`],
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** exceljs keeps a sheet's range validations here; its type declarations leave them out. */
const validations = (sheet: ExcelJS.Worksheet) =>
  (sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } })
    .dataValidations;

const quoted = (header: string): string => (/[;"\r\n]/.test(header) ? `"${header.replace(/"/g, '""')}"` : header);
