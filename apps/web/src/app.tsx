import { useEffect } from 'react';
import { useMunicipalityLabel } from './auth/municipality-label';
import { OidcCallbackPage } from './auth/oidc-callback-page';
import { SessionLapsedDialog } from './auth/session-lapsed-dialog';
import { sessions, useSession } from './auth/session';
import { SignInPage } from './auth/sign-in-page';
import { ROLE_LABELS, label } from './messages/labels';
import { ForbiddenPage } from './navigation/forbidden-page';
import { linksFor } from './navigation/nav-links';
import './navigation/navigation.css';
import { SiteNav } from './navigation/site-nav';
import { linkHandler, mayOpen, navigate, routeOf, useLocation, type Route } from './router';
import { ApplicationDetailPage } from './screens/application-detail/application-detail-page';
import { AuditApplicationPage } from './screens/audit/audit-application-page';
import { AuditApplicationsPage } from './screens/audit/audit-applications-page';
import { AuditDownloadsPage } from './screens/audit/audit-downloads-page';
import { StatisticsPage } from './screens/audit/statistics-page';
import { ApplicationFormPage } from './screens/application-form/application-form-page';
import { MyApplicationsPage } from './screens/my-applications/my-applications-page';
import { NotYetAvailable } from './screens/not-yet-available';
import { FiscalYearPage } from './screens/officer/fiscal-year-page';
import { OfficerApplicationPage } from './screens/officer/officer-application-page';
import { RoundDashboardPage } from './screens/officer/round-dashboard-page';
import { ReviewPage } from './screens/review/review-page';
import { ReviewQueuePage } from './screens/review/review-queue-page';
import { GrantApplicationPage } from './screens/post-award/grant-application-page';
import { LocalReportPage } from './screens/local-track/local-report-page';
import { LocalReportsPage } from './screens/local-track/local-reports-page';
import { AwardPage } from './screens/post-award/officer/award-page';
import { AwardsPage } from './screens/post-award/officer/awards-page';
import { OverduePage } from './screens/post-award/officer/overdue-page';
import { PerformanceReportPage } from './screens/post-award/performance-report-page';
import { PlanChangePage } from './screens/post-award/plan-change-page';

/** Where a person lands after sign-in (and at /): the first screen their roles may use. */
function homeOf(roles: readonly string[]): string | undefined {
  return linksFor(roles)[0]?.path;
}

function Screen({ route, roles }: { route: Route; roles: readonly string[] }) {
  const home = homeOf(roles);
  useEffect(() => {
    if (route.screen === 'home' && home) navigate(home, { replace: true });
  }, [route.screen, home]);
  if (!mayOpen(route, roles)) return <ForbiddenPage roles={roles} />;
  switch (route.screen) {
    case 'home':
      return home ? null : (
        <NotYetAvailable what={roles.map((role) => label(ROLE_LABELS, role)).join('・')} />
      );
    case 'my-applications':
      return <MyApplicationsPage />;
    case 'edit-application':
      return <ApplicationFormPage key={route.id} id={route.id} />;
    case 'application':
      return <ApplicationDetailPage key={route.id} id={route.id} />;
    case 'grant-application':
      return <GrantApplicationPage key={route.id} id={route.id} />;
    case 'plan-change':
      return <PlanChangePage key={route.id} id={route.id} />;
    case 'performance-report':
      return <PerformanceReportPage key={route.id} id={route.id} />;
    case 'review-queue':
      return <ReviewQueuePage />;
    case 'review':
      return <ReviewPage key={route.id} id={route.id} />;
    case 'round-dashboard':
      return <RoundDashboardPage key={route.fiscalYear} fiscalYear={route.fiscalYear} />;
    case 'officer-application':
      return <OfficerApplicationPage key={route.id} id={route.id} />;
    case 'fiscal-year':
      return <FiscalYearPage key={route.fiscalYear} fiscalYear={route.fiscalYear} />;
    case 'audit-applications':
      return <AuditApplicationsPage />;
    case 'audit-application':
      return <AuditApplicationPage key={route.id} id={route.id} />;
    case 'audit-statistics':
      return <StatisticsPage />;
    case 'audit-downloads':
      return <AuditDownloadsPage />;
    case 'awards':
      return <AwardsPage />;
    case 'overdue-awards':
      return <OverduePage />;
    case 'award':
      return <AwardPage key={route.id} id={route.id} />;
    case 'local-reports':
      return <LocalReportsPage />;
    case 'local-report':
      return <LocalReportPage key={route.id} id={route.id} />;
    default:
      return (
        <main id="main" className="page">
          <h1>ページが見つかりません</h1>
          {home && (
            <a href={home} onClick={linkHandler(home)}>
              最初の画面へ戻る
            </a>
          )}
        </main>
      );
  }
}

export function App() {
  const location = useLocation();
  const route = routeOf(location);
  const { session } = useSession();
  const municipality = useMunicipalityLabel(session?.municipalityCode, session?.municipalityName);
  const needsSignIn = !session && route.screen !== 'sign-in' && route.screen !== 'oidc-callback';
  useEffect(() => {
    if (needsSignIn) navigate('/sign-in', { replace: true });
  }, [needsSignIn]);

  return (
    <>
      <a className="skip-link" href="#main">
        本文へ移動
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <p className="site-header__title">
            <a href="/" onClick={linkHandler('/')}>
              ローカル10,000プロジェクト 申請システム
            </a>
          </p>
          {session && (
            <div className="site-header__user">
              <span>
                {session.name}（{session.roles.map((role) => label(ROLE_LABELS, role)).join('・')}
                {session.municipalityCode
                  ? `・${municipality ?? '団体コード'} ${session.municipalityCode}`
                  : ''}
                ）
              </span>
              <button
                type="button"
                className="button button--text"
                onClick={() => {
                  sessions.signOut();
                  navigate('/sign-in');
                }}
              >
                サインアウト
              </button>
            </div>
          )}
        </div>
        {session && <SiteNav roles={session.roles} />}
      </header>
      {route.screen === 'sign-in' && <SignInPage />}
      {route.screen === 'oidc-callback' && <OidcCallbackPage />}
      {session && route.screen !== 'sign-in' && route.screen !== 'oidc-callback' && (
        <Screen route={route} roles={session.roles} />
      )}
      <SessionLapsedDialog />
    </>
  );
}
