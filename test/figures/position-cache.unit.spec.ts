import { PositionCache } from '../../src/figures/position-cache.js';

describe('the figures read once per position', () => {
  it('builds an answer once while the position stands, and again once it moves', () => {
    const answers = new PositionCache<{ built: number }>();
    let builds = 0;
    const build = () => ({ built: ++builds });

    const first = answers.get('programme 2022', '10', build);
    expect(answers.get('programme 2022', '10', build)).toBe(first);
    expect(answers.get('programme 2022', '11', build)).toEqual({ built: 2 });
    expect(builds).toBe(2);
  });

  it('keeps one answer a key: a scope never gets another scope’s answer', () => {
    const answers = new PositionCache<string>();
    answers.get('mde:forest 2022', '10', () => 'forest');
    expect(answers.get('mde:ixelles 2022', '10', () => 'ixelles')).toBe('ixelles');
    expect(answers.get('mde:forest 2023', '10', () => 'forest 2023')).toBe('forest 2023');
    expect(answers.get('mde:forest 2022', '10', () => 'built again')).toBe('forest');
  });

  it('keeps that nothing was found: a missing project is not looked up again at the same position', () => {
    const projects = new PositionCache<{ id: string } | null>();
    let reads = 0;
    const find = () => (++reads, null);
    projects.get('nowhere', '10', find);
    expect(projects.get('nowhere', '10', find)).toBeNull();
    expect(reads).toBe(1);
  });

  it('drops the oldest answer rather than growing without bound', () => {
    const answers = new PositionCache<number>();
    for (let project = 0; project < 10_000; project++) answers.get(`project:${project} 2022`, '10', () => project);
    expect(answers.get('project:0 2022', '10', () => -1)).toBe(-1);
    expect(answers.get('project:9999 2022', '10', () => -1)).toBe(9999);
  });
});
