import { describe, expect, it } from 'vitest';
import { parseToLabelSelector, formatExpressions } from '../../src/cli/verbs/set/selector.js';

describe('set selector expressions (metav1.ParseToLabelSelector)', () => {
  it('turns equality requirements into matchLabels, the last value winning', () => {
    expect(parseToLabelSelector('app=new,env==prod')).toEqual({ matchLabels: { app: 'new', env: 'prod' }, matchExpressions: [] });
    expect(parseToLabelSelector('app=a,app=b').matchLabels).toEqual({ app: 'b' });
    expect(parseToLabelSelector('app=').matchLabels).toEqual({ app: '' });
    expect(parseToLabelSelector('')).toEqual({ matchLabels: {}, matchExpressions: [] });
  });

  it('keeps set-based requirements as expressions, sorted like Go prints them', () => {
    const sel = parseToLabelSelector('tier notin (b,a),app in (x),!gone,has');
    expect(formatExpressions(sel.matchExpressions)).toBe('[{app In [x]} {gone DoesNotExist []} {has Exists []} {tier NotIn [a b]}]');
  });

  it.each([
    ['app!=x', '"!=" is not a valid label selector operator'],
    ['app>1', `"gt" isn't supported in label selectors`],
    ['a=b=c', `couldn't parse the selector string "a=b=c": found '=', expected: ',' or 'end of string'`],
    [',app=a', `couldn't parse the selector string ",app=a": found ',', expected: !, identifier, or 'end of string'`],
    ['a=b,', `couldn't parse the selector string "a=b,": found '', expected: identifier after ','`],
    [
      'app=-bad',
      `couldn't parse the selector string "app=-bad": unable to parse requirement: values[0][app]: Invalid value: "-bad": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
    ],
    [
      'Bad_Key_=v',
      `couldn't parse the selector string "Bad_Key_=v": unable to parse requirement: <nil>: Invalid value: "Bad_Key_": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    ],
  ])('%j → kubectl\'s error', (text, message) => {
    expect(() => parseToLabelSelector(text)).toThrow(message);
  });
});
