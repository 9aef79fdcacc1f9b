import { CurrentAnswers } from '../../src/figures/current-answers.js';

describe('the current figures answers', () => {
  it('builds an answer once while the position stands, and again once it moves', () => {
    const answers = new CurrentAnswers<{ built: number }>();
    let builds = 0;
    const build = () => ({ built: ++builds });

    const first = answers.answer('programme 2022', '10', build);
    expect(answers.answer('programme 2022', '10', build)).toBe(first);
    expect(answers.answer('programme 2022', '11', build)).toEqual({ built: 2 });
    expect(builds).toBe(2);
  });

  it('keeps one answer a key: a scope never gets another scope’s answer', () => {
    const answers = new CurrentAnswers<string>();
    answers.answer('mde:forest 2022', '10', () => 'forest');
    expect(answers.answer('mde:ixelles 2022', '10', () => 'ixelles')).toBe('ixelles');
    expect(answers.answer('mde:forest 2023', '10', () => 'forest 2023')).toBe('forest 2023');
    expect(answers.answer('mde:forest 2022', '10', () => 'built again')).toBe('forest');
  });

  it('drops the oldest answer rather than growing without bound', () => {
    const answers = new CurrentAnswers<number>();
    for (let project = 0; project < 10_000; project++) answers.answer(`project:${project} 2022`, '10', () => project);
    expect(answers.answer('project:0 2022', '10', () => -1)).toBe(-1);
    expect(answers.answer('project:9999 2022', '10', () => -1)).toBe(9999);
  });
});
