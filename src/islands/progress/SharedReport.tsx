/**
 * /report/: a progress report someone shared by link. It is drawn from the link alone (its
 * fragment, checked as an import is) and never reads or writes this browser's own saved progress.
 * A locked link asks for its passphrase; a link it cannot read says why.
 */
import { useEffect, useState } from 'preact/hooks';
import { fragmentValue, unpackLink } from '../../lib/share/link';
import { reportOf, type Report } from '../../lib/share/report';
import { readSnapshot } from '../../lib/share/snapshot';
import { href, paths } from '../../lib/urls';
import { Unlock } from '../shared/Unlock';
import { ReportView, type ReportContext } from './ReportView';

type State =
  | { step: 'reading' }
  | { step: 'none' }
  | { step: 'unlock'; value: string; reason?: string }
  | { step: 'error'; message: string }
  | { step: 'shown'; report: Report };

export default function SharedReport(context: ReportContext) {
  const [state, setState] = useState<State>({ step: 'reading' });

  const open = async (value: string, passphrase?: string) => {
    setState({ step: 'reading' });
    const unpacked = await unpackLink('report', value, passphrase);
    if (!unpacked.ok) return setState(unpacked.needsPassphrase ? { step: 'unlock', value, ...(passphrase ? { reason: unpacked.reason } : {}) } : { step: 'error', message: unpacked.reason });
    const snapshot = readSnapshot(unpacked.text);
    if (!snapshot.ok) return setState({ step: 'error', message: snapshot.reason });
    setState({ step: 'shown', report: reportOf(snapshot) });
  };

  useEffect(() => {
    const read = () => {
      const value = fragmentValue(location.hash, 'report');
      if (value === undefined) setState({ step: 'none' });
      else void open(value);
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);

  return (
    <div class="shared-report" data-ready={state.step === 'reading' ? undefined : 'true'} data-report-step={state.step} aria-live="polite">
      {state.step === 'reading' && <p>Reading the report…</p>}
      {state.step === 'none' && (
        <p class="notice">
          This page shows a progress report that an apprentice shared with you as a link. Open the link you were sent; the report is inside it. To
          share your own, go to <a href={href(paths.myDataSection('share'))}>your saved progress</a>.
        </p>
      )}
      {state.step === 'unlock' && <Unlock reason={state.reason} onOpen={(passphrase) => void open(state.value, passphrase)} />}
      {state.step === 'error' && (
        <div class="notice notice--error" role="alert">
          <p class="notice__title">This report cannot be shown</p>
          <p>{state.message}</p>
        </div>
      )}
      {state.step === 'shown' && <ReportView report={state.report} context={context} />}
    </div>
  );
}
