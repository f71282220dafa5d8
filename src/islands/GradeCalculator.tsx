/** /epa/grading/: choose the two method grades, see the overall grade from the matrix. */
import { useEffect, useState } from 'preact/hooks';
import { cappedGrade, METHOD_GRADES, overallGrade, type GradingRow, type MethodGrade } from '../lib/grading';
import { useEarlyInput } from './shared/useEarlyInput';
import './GradeCalculator.css';

interface Props {
  matrix: GradingRow[];
  methodNames: { am1: string; am2: string };
}

export default function GradeCalculator({ matrix, methodNames }: Props) {
  const early = useEarlyInput();
  const [am1, setAm1] = useState<MethodGrade>('Pass');
  const [am2, setAm2] = useState<MethodGrade>('Pass');
  const [resit, setResit] = useState(false);
  const [exceptional, setExceptional] = useState(false);
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const grade = overallGrade(matrix, am1, am2);
  const result = cappedGrade(grade, resit, exceptional);
  const select = (id: string, label: string, value: MethodGrade, set: (g: MethodGrade) => void) => (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
      </label>
      <select id={id} class="select" value={value} onChange={(e) => set((e.currentTarget as HTMLSelectElement).value as MethodGrade)}>
        {METHOD_GRADES.map((g) => (
          <option key={g} value={g}>
            {g}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div ref={early} class="calculator" data-ready={ready ? 'true' : undefined}>
      <div class="calculator__inputs">
        {select('grade-am1', `AM1: ${methodNames.am1}`, am1, setAm1)}
        {select('grade-am2', `AM2: ${methodNames.am2}`, am2, setAm2)}
      </div>
      <div class="field">
        <div class="choice">
          <input class="choice__input" type="checkbox" id="grade-resit" checked={resit} onChange={(e) => setResit((e.currentTarget as HTMLInputElement).checked)} />
          <label class="choice__label" for="grade-resit">
            One of these grades comes from a re-sit or re-take
          </label>
        </div>
        {resit && (
          <div class="choice">
            <input class="choice__input" type="checkbox" id="grade-exceptional" checked={exceptional} onChange={(e) => setExceptional((e.currentTarget as HTMLInputElement).checked)} />
            <label class="choice__label" for="grade-exceptional">
              The assessment organisation has determined there are exceptional circumstances
            </label>
          </div>
        )}
      </div>
      <p class="calculator__result" aria-live="polite">
        Overall grade: <strong data-overall>{result.grade}</strong>
        {result.capped && <span> (the matrix gives {grade}, but a re-sit or re-take is capped at pass)</span>}
      </p>
    </div>
  );
}
