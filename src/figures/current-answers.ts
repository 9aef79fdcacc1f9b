/** Answers kept at most: a scope and year each (the programme, an MDE or a project); past that the oldest goes. */
const MOST_ANSWERS = 512;

/**
 * The current figures answers of the read models' position, each built once:
 * a figures request at an unchanged position is answered without reading the
 * read store or shaping the counters again (half of a GET's own CPU, and most
 * of what it allocated, docs/performance.md). Every answer of an older position
 * is dropped as soon as the position moves. It holds answers, never decisions:
 * who may read a scope is checked on every request, before the answer is looked up.
 */
export class CurrentAnswers<Answer> {
  private position: string | undefined;
  private readonly answers = new Map<string, Answer>();

  /**
   * The answer of `key` at `position`, built by `build` unless this position
   * already has one. `build` must read the read models as they stand, at or
   * after `position`: the position is read before the counters, never after.
   */
  answer(key: string, position: string, build: () => Answer): Answer {
    if (position !== this.position) {
      this.answers.clear();
      this.position = position;
    }
    const kept = this.answers.get(key);
    if (kept !== undefined) return kept;
    const built = build();
    if (this.answers.size >= MOST_ANSWERS) this.answers.delete(this.answers.keys().next().value!);
    this.answers.set(key, built);
    return built;
  }
}
