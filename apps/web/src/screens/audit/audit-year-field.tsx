import { SelectField } from '../../ui/select-field';
import { fiscalYearChoices } from './fiscal-years';

/** The year picker of the auditor's statistics and downloads: the recent years and the one shown. */
export function AuditYearField({
  id,
  fiscalYear,
  onChoose,
}: {
  id: string;
  fiscalYear: number;
  onChoose: (fiscalYear: number) => void;
}) {
  return (
    <SelectField
      id={id}
      label="年度"
      className="audit-year"
      value={fiscalYear}
      onChange={(year) => onChoose(Number(year))}
      choices={fiscalYearChoices(fiscalYear, new Date())}
    />
  );
}
