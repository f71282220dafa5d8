/** The quiz on a KSB, theme, method or duty page: a fixed scope, started with a button. */
import { QuizRunner } from './QuizRunner';

interface Props {
  label: string;
  ksbs: string[];
  length: number;
}

export default function Quiz({ label, ksbs, length }: Props) {
  return <QuizRunner scope={{ label, ksbs }} length={length} />;
}
