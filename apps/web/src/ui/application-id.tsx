/**
 * The application's ID as a term of a figures list: what the municipality, the officer and
 * the auditor quote to one another about one application (the audit page shows the same).
 */
export function ApplicationId({ id }: { id: string }) {
  return (
    <>
      <dt>申請ID</dt>
      <dd>
        <code data-testid="application-id">{id}</code>
      </dd>
    </>
  );
}
