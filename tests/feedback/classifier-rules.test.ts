import { describe, expect, it } from 'vitest';
import { KeywordRules, type KeywordRule } from '@feedback/classification/keyword-rules.ts';

const rules: KeywordRule[] = [
  { locale: 'en', category: 'billing-payment', keywords: ['refund', 'charged twice', 'invoice'] },
  { locale: 'en', category: 'product-defect', keywords: ['leak', 'not working', 'smoke'], severity: 'medium' },
  { locale: 'en', category: 'product-defect', keywords: ['fire', 'smoke'], severity: 'critical' },
  { locale: 'en', category: 'staff-conduct', keywords: ['rude'] },
  { locale: 'es', category: 'warranty-dispute', keywords: ['garantía', 'reclamación rechazada'] },
  { locale: 'es', category: 'privacy', keywords: ['datos personales'], severity: 'high' },
  { locale: 'el', category: 'warranty-dispute', keywords: ['εγγύηση'] },
  { locale: 'fi', category: 'warranty-dispute', keywords: ['takuu'] },
  { locale: 'fi', category: 'product-defect', keywords: ['vuot*'] },
  { locale: 'zh-Hant', category: 'repair-service', keywords: ['維修', '技術人員'] },
  { locale: 'zh-Hant', category: 'privacy', keywords: ['个人资料'] },
  { locale: 'zh-Hant', category: 'delivery', keywords: ['送貨 員'] },
];
const k = new KeywordRules(rules);

describe('KeywordRules', () => {
  it('matches inflected forms through the stemmer, whatever the case', () => {
    expect(k.match('I was never REFUNDED for the returned kettle', 'en')).toEqual({ category: 'billing-payment', matched: ['refund'], evidence: ['REFUNDED'] });
    expect(k.match('Two refunds are still missing', 'en')?.category).toBe('billing-payment');
    expect(k.match('The machine leaks', 'en')).toMatchObject({ category: 'product-defect', matched: ['leak'], evidence: ['leaks'] });
  });

  it('matches phrases only as adjacent words in order', () => {
    expect(k.match('I have been charged twice this month', 'en')).toMatchObject({ category: 'billing-payment', matched: ['charged twice'], evidence: ['charged twice'] });
    expect(k.match('Twice I was charged for delivery', 'en')).toBeNull();
    expect(k.match('The dryer is not working at all', 'en')).toMatchObject({ category: 'product-defect', matched: ['not working'] });
  });

  it('matches without accents and with them, in Spanish and Greek', () => {
    expect(k.match('Me rechazaron la garantia del horno', 'es')).toMatchObject({ category: 'warranty-dispute', matched: ['garantía'], evidence: ['garantia'] });
    expect(k.match('Las GARANTÍAS no sirven de nada', 'es')?.category).toBe('warranty-dispute');
    expect(k.match('Tengo una reclamación rechazada', 'es')).toMatchObject({ matched: ['reclamación rechazada'] });
    expect(k.match('Δεν τηρήθηκαν οι όροι της εγγύησης του φούρνου', 'el')?.category).toBe('warranty-dispute');
    expect(k.match('ΕΓΓΥΗΣΗ: απορρίφθηκε', 'el')).toMatchObject({ category: 'warranty-dispute', evidence: ['ΕΓΓΥΗΣΗ'] });
  });

  it('matches Finnish case endings, and prefixes for what the stemmer keeps apart', () => {
    expect(k.match('Takuun aikana laite hajosi', 'fi')).toMatchObject({ category: 'warranty-dispute', evidence: ['Takuun'] });
    expect(k.match('Haluan käyttää takuuta', 'fi')?.category).toBe('warranty-dispute');
    expect(k.match('Astianpesukone on vuotanut koko viikon', 'fi')).toMatchObject({ category: 'product-defect', matched: ['vuot*'], evidence: ['vuotanut'] });
  });

  it('matches Chinese in either script', () => {
    expect(k.match('我的洗衣機送去維修一個月了', 'zh-Hant')).toMatchObject({ category: 'repair-service', matched: ['維修'], evidence: ['維修'] });
    expect(k.match('我的洗衣机送去维修一个月了', 'zh-Hant')).toMatchObject({ category: 'repair-service', matched: ['維修'], evidence: ['维修'] });
    expect(k.match('請刪除我的個人資料', 'zh-Hant')).toMatchObject({ category: 'privacy', matched: ['个人资料'], evidence: ['個人資料'] });
    expect(k.match('送貨員把箱子摔壞了', 'zh-Hant')?.category).toBe('delivery');
    expect(k.match('我要退貨', 'zh-Hant')).toBeNull();
  });

  it('only applies the rules of the locale of the text', () => {
    expect(k.match('refund', 'es')).toBeNull();
    expect(k.match('garantía', 'en')).toBeNull();
  });

  it('prefers the category with more keywords found, then the higher severity', () => {
    expect(k.match('Rude staff and I want a refund for the invoice', 'en')).toMatchObject({ category: 'billing-payment', matched: ['refund', 'invoice'] });
    const tie = k.match('It leaks and the agent was rude', 'en');
    expect(tie).toMatchObject({ category: 'product-defect', severity: 'medium' });
    expect(k.match('There was smoke coming out of the back', 'en')).toMatchObject({ category: 'product-defect', severity: 'critical', matched: ['smoke'] });
    expect(k.match('Quiero borrar mis datos personales', 'es')).toMatchObject({ category: 'privacy', severity: 'high' });
  });

  it('returns null for nothing and ignores empty keywords', () => {
    expect(k.match('', 'en')).toBeNull();
    expect(k.match('Lovely weather today', 'en')).toBeNull();
    expect(new KeywordRules([{ locale: 'en', category: 'x', keywords: ['', '  ', '!!!'] }]).match('anything !!! at all', 'en')).toBeNull();
    expect(new KeywordRules([]).match('refund', 'en')).toBeNull();
  });
});
