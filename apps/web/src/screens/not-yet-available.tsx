/** A person whose roles have no screen in the web front end yet (their work is done through the API). */
export function NotYetAvailable({ what }: { what: string }) {
  return (
    <main id="main" className="page">
      <h1>{what}の画面は準備中です</h1>
      <p>この役割の業務は、現在 API（/docs）から利用できます。</p>
    </main>
  );
}
