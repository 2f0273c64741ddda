// Only whole segmenter words are compared: character bigrams keep every character, so nothing is lost.
export const zh = `的 了 是 在 和 與 及 或 也 都 就 而 之 嗎 吗 呢 吧 啊 呀 著 着 把 被 讓 让 給 给 對 对 從 从 向 於 于 以
我 你 妳 您 他 她 它 我們 你們 他們 她們 它們 这 這 那 這個 那個 這些 那些 什麼 甚麼 怎麼 如何 為什麼 哪 哪裡 哪里 一個 個 个 有 沒有 没有 要 會 会 能 可以 請 请 所以 因為 如果 但是 還 还 很 又 再`;
