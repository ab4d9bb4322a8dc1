import { describe, expect, it } from 'vitest';
import { findRoles } from './roles';

function rolesOf(sentence: string, name: string, others: string[] = []): string[] {
  const start = sentence.indexOf(name);
  return findRoles(sentence, start, start + name.length, others.map((other) => sentence.indexOf(other)));
}

describe('findRoles', () => {
  it('reads a title written before the name', () => {
    expect(rolesOf('During a visit, French Foreign Minister Jean-Noel Barrot told the media.', 'Jean-Noel Barrot')).toEqual(['French Foreign Minister']);
    expect(rolesOf('Kremlin spokesman Dmitry Peskov said he did not know.', 'Dmitry Peskov')).toEqual(['Kremlin spokesman']);
    expect(rolesOf('leaders such as Ukraine’s President Volodymyr Zelenskyy, and others', 'Volodymyr Zelenskyy')).toEqual(['Ukraine’s President']);
  });

  it('reads an apposition after the name, without parentheses', () => {
    expect(
      rolesOf(
        'Le Monde quoted Mr. Elie Tenenbaum, Director of the Center for Security Studies at the French Institute of International Relations (IFRI), saying that',
        'Elie Tenenbaum',
      ),
    ).toEqual(['Director of the Center for Security Studies at the French Institute of International Relations']);
  });

  it('reads an apposition before the name, past an honorific, and not another person’s title', () => {
    const sentence =
      'It was attended by Prime Minister Sebastien Lecornu, head of the Ministry of the Armed Forces Catherine Vautrin and Chief of the General Staff of the French Armed Forces, General Fabien Mandon.';
    expect(rolesOf(sentence, 'Fabien Mandon')).toEqual(['Chief of the General Staff of the French Armed Forces']);
    expect(rolesOf(sentence, 'Catherine Vautrin')).toEqual(['Head of the Ministry of the Armed Forces']);
    expect(rolesOf(sentence, 'Sebastien Lecornu', ['Catherine Vautrin', 'Fabien Mandon'])).toEqual(['Prime Minister']);
  });

  it('gives no role for a bare honorific or a title no longer held', () => {
    expect(rolesOf('When asked, Mr. Barrot stated that no option is excluded.', 'Barrot')).toEqual([]);
    expect(rolesOf('Meanwhile, the then NATO Secretary General Jens Stoltenberg stated it.', 'Jens Stoltenberg')).toEqual([]);
    expect(rolesOf('This came with President Donald Trump’s return.', 'Donald Trump')).toEqual([]);
  });
});
