/**
 * Snowball's Spanish rules name a few suffixes with their accent (-ción, -sión); after folding, "devolucion"
 * would keep its suffix while "devoluciones" loses it. Putting the accent back on that one ending lets
 * folded words stem like accented ones, so "garantia" and "garantía", "devolucion" and "devoluciones" meet.
 */
export function restoreSpanishSuffix(folded: string): string {
  return folded.replace(/([cs])ion$/, '$1ión');
}
