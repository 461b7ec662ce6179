// The options page: accounts, calendars, tasks, sync settings, advanced endpoints, diagnostics.
import { APP_ICON_DATA_URL } from '../../platform/app-icon';
import { useSettings } from '../hooks';
import { AccountsSection } from './accounts-section';
import { AdvancedSection } from './advanced-section';
import { CalendarsSection } from './calendars-section';
import { DiagnosticsSection } from './diagnostics-section';
import { SyncSection } from './sync-section';
import { TasksSection } from './tasks-section';

export function OptionsApp() {
  const settings = useSettings();
  return (
    <div className="options">
      <header>
        <img src={APP_ICON_DATA_URL} alt="" />
        <h1>Almanac settings</h1>
      </header>
      <AccountsSection />
      <CalendarsSection />
      {settings ? <TasksSection settings={settings} /> : null}
      {settings ? <SyncSection settings={settings} /> : null}
      {settings ? <AdvancedSection settings={settings} /> : null}
      <DiagnosticsSection />
    </div>
  );
}
