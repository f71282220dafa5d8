/** A session timer that survives a reload, announcing only the moments that matter. */
import { useEffect, useState } from 'preact/hooks';
import { formatClock, pauseTimer, remainingMs, startTimer, type TimerState } from '../../lib/practice';
import { plural } from '../../lib/format';
import './Timer.css';

/** Re-renders every second while `running`, so a timer can show the time left. */
function useTick(running: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [running]);
  return running ? now : Date.now();
}

export function Timer({ label, timer, onChange }: { label: string; timer: TimerState; onChange: (t: TimerState) => void }) {
  const running = timer.runningSince !== undefined;
  const now = useTick(running);
  const left = remainingMs(timer, now);
  const minutesLeft = Math.ceil(left / 60_000);
  // Announce only the moments that matter, not every second.
  const announcement = left <= 0 ? 'Time is up.' : minutesLeft === 5 || minutesLeft === 1 ? `${plural(minutesLeft, 'minute')} left.` : '';
  return (
    <div class={`timer${left <= 0 ? ' timer--over' : ''}`}>
      <p class="timer__label">{label}</p>
      <p class="timer__clock" role="timer" aria-label={`${label}: ${formatClock(left)} left`}>
        {formatClock(left)}
      </p>
      <p class="visually-hidden" aria-live="polite">
        {announcement}
      </p>
      <button type="button" class="button button--secondary" onClick={() => onChange(running ? pauseTimer(timer, Date.now()) : startTimer(timer, Date.now()))}>
        {running ? 'Pause' : timer.usedMs > 0 ? 'Resume' : 'Start'} the timer
      </button>
    </div>
  );
}
