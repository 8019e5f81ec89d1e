// '#/settings' 设置: each concern is its own section component. The thresholds of the
// traffic lights are here; the funding engineer's 资金来源 section goes below them.
import FundingSourcesSection from '../settings/FundingSourcesSection';
import ThresholdsSection from '../settings/ThresholdsSection';
import '../settings/settings.css';

export default function SettingsPage() {
  return (
    <section className="page settings">
      <header className="page-head">
        <h1>设置</h1>
      </header>
      <ThresholdsSection />
      <FundingSourcesSection />
    </section>
  );
}
