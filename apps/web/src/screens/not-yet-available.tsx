/**
 * Part 2 of the web front end brings the reviewer's, programme officer's and auditor's
 * screens; until then they sign in and see this.
 */
export function NotYetAvailable({ what }: { what: string }) {
  return (
    <main id="main" className="page">
      <h1>{what}の画面は準備中です</h1>
      <p>現在、ウェブ画面で利用できるのは自治体担当者の申請業務です。その他の役割の業務は API（/docs）から利用できます。</p>
    </main>
  );
}
