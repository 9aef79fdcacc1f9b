import { IdParamPipe } from '../../src/http/request-validation.js';
import { InvalidRequestError } from '../../src/shared/errors.js';

describe('an id in the path', () => {
  const param = { type: 'param', data: 'projectId' } as const;

  it('is searched for personal data once, and refused every time it holds some', () => {
    const pipe = new IdParamPipe();
    expect(pipe.transform('projet-2019-01', param)).toBe('projet-2019-01');
    expect(pipe.transform('projet-2019-01', param)).toBe('projet-2019-01');
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(() => pipe.transform('0470123456', param)).toThrow(InvalidRequestError);
    }
  });

  it('still searches ids it has forgotten, past the ones it keeps', () => {
    const pipe = new IdParamPipe();
    for (let project = 0; project < 20_000; project++) pipe.transform(`p-${project}`, param);
    expect(() => pipe.transform('0470123456', param)).toThrow(InvalidRequestError);
    expect(pipe.transform('p-19999', param)).toBe('p-19999');
  });
});
