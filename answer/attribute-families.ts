// A small, general alias table for economic news: attribute families, how people ask for them, how articles say them.

export type AttributeFamily = {
  name: string;
  /** Words in a question (everyday or formal) that ask for the attribute. */
  questionWords: string[];
  /** Words an article uses for the attribute next to its figure. */
  factWords: string[];
  /** The unit family its figures come in, when it has one. */
  unitFamily?: string;
  answerType?: 'time' | 'duration' | 'names';
  /** A measured amount (output value, area, yield, stock…): one such figure never answers for another. */
  measure?: true;
};

/**
 * Kept to families of attributes that news about places and industries reports (scale, output
 * value, area, yield, income, founding, history, honours, sales, main business, employment); none is keyed to one
 * article or question. Words are folded (simplified, lower case).
 */
export const ATTRIBUTE_FAMILIES: AttributeFamily[] = [
  { name: 'output value', questionWords: ['产值', '值多少钱', '产出', 'output value'], factWords: ['产值', '综合产值', '年产值'], unitFamily: 'money', measure: true },
  { name: 'income', questionWords: ['收入', '赚', '挣', '增收', '创收', '营收', '进账', '一年能卖', '一年卖', '每年卖', '卖了多少钱', 'income', 'earn'], factWords: ['收入', '增收', '创收', '营收'], unitFamily: 'money', measure: true },
  { name: 'investment', questionWords: ['投资', '投入', '投的钱', '投了多少', '花了多少', '花的钱', 'invest', 'cost'], factWords: ['投资', '投入'], unitFamily: 'money', measure: true },
  { name: 'area', questionWords: ['面积', '多大地', '多少地', '种了多少', 'area', 'acre', 'land'], factWords: ['面积', '基地', '种植', '亩'], unitFamily: 'area', measure: true },
  { name: 'yield', questionWords: ['产量', '产多少', '产了', '生产了', '实际生产', 'produce', 'yield'], factWords: ['产量'], measure: true },
  { name: 'capacity', questionWords: ['生产能力', '产能', '能产', '能生产', '可产', '可生产', '年产', '能造', '能酿', '能做出', '造多少', '酿多少', ' can ', 'capacity'], factWords: ['年产', '生产能力', '产能'], measure: true },
  { name: 'livestock out', questionWords: ['出栏', '卖了多少头', '卖出多少头', '卖出去多少头', '卖多少头', '上市', 'marketed', 'pigs sold', 'hogs sold', 'pig output'], factWords: ['出栏'], unitFamily: 'animals', measure: true },
  { name: 'slaughter', questionWords: ['屠宰', '宰', '杀', 'slaughter'], factWords: ['屠宰'], unitFamily: 'animals', measure: true },
  { name: 'stock', questionWords: ['饲养量', '存栏', '养了多少', '养多少', '养殖规模', 'raise'], factWords: ['饲养量', '存栏', '养殖'], measure: true },
  { name: 'enterprises', questionWords: ['企业', '公司', '厂', '厂家', '工厂', 'enterprise', 'compan'], factWords: ['企业', '公司'], unitFamily: 'organisations' },
  { name: 'founding', questionWords: ['成立', '创办', '创立', '创建', '创始', '开厂', '建厂', '开办', '建立', '哪年开', '开起来', '开的', '开业', '办起来', '建起来', 'found', 'establish'], factWords: ['成立', '创始', '创办', '创建', '创立'], answerType: 'time' },
  { name: 'history', questionWords: ['历史', '多少年', '多久', '多长时间', '悠久', '追溯', '起源', '最早', '古老', '年头', 'history'], factWords: ['历史', '追溯', '悠久', '年来'], answerType: 'duration' },
  { name: 'heyday', questionWords: ['最火', '最红', '最兴盛', '最鼎盛', '鼎盛', '极盛', '全盛', '巅峰', '最辉煌', '兴盛', '繁荣', '最风光', 'heyday', 'peak'], factWords: ['极盛', '鼎盛', '兴盛', '领先', '繁荣'], answerType: 'time' },
  { name: 'honours', questionWords: ['称号', '美誉', '之称', '名号', '名头', '名气', '头衔', '荣誉', '有名', '出名', '闻名', '著名', '招牌', '美称', '雅号', '誉为', '称为', '被称', '叫作', '夸成', '夸为', '夸作', '赞为', '管它叫', '外号', '人称', 'title', 'famous', 'known as', 'nickname', 'dubbed', 'hailed', 'praised as', 'reputation'], factWords: ['称号', '美誉', '之称', '之誉', '誉为', '称为', '之乡', '闻名', '盛名', '著名', '知名'], answerType: 'names' },
  { name: 'leading', questionWords: ['最牛', '最厉害', '最强', '最有实力', '老大', '领头羊', '带头大哥', '数一数二', '顶尖', '头号', 'leading', 'top compan', 'top firm'], factWords: ['龙头', '领军', '领头', '带头'] },
  { name: 'location', questionWords: ['什么地方', '哪个地方', '啥地方', '在哪', '在什么位置', '位置', '地址', '位于', '坐落', 'where', 'located', 'location'], factWords: ['位于', '坐落', '地处', '落户'] },
  { name: 'rank', questionWords: ['排第几', '排名', '名次', '第几名', '第几位', '排老几', '排在', 'rank'], factWords: ['第一', '第二', '第三', '首位', '前列', '前茅', '位居', '名列', '位列'] },
  { name: 'alias', questionWords: ['又叫', '也叫', '还叫', '又称', '也称', '别名', '别称', '俗称', '又名', '另一个名字', '另外的名字', '别的名字', '叫法', '称呼', 'also called', 'another name', 'other name', 'also known'], factWords: ['也称', '又称', '又名', '俗称', '别称', '也叫', '又叫', '亦称'], answerType: 'names' },
  { name: 'sales', questionWords: ['销往', '卖到', '卖去', '销售', '销路', '卖给', '市场', 'sold', 'sell', 'market'], factWords: ['销往', '销售', '市场', '出口', '调出'] },
  { name: 'main business', questionWords: ['主营', '主要经营', '主要卖', '主要是卖', '主要做', '主要是做', '主要生产', '主要产', '主打', '主要产品', '拳头产品', 'main product', 'mainly sell', 'mainly make', 'main business'], factWords: ['主营', '主打', '主产', '主要产品', '主导产品'] },
  { name: 'employment', questionWords: ['就业', '工作岗位', '带动', '多少人干', '养活', 'job', 'employ'], factWords: ['就业', '劳动力', '带动', '从事'] },
  { name: 'households', questionWords: ['农户', '多少户', '几户', '多少人家', '户数', 'household', 'farmer'], factWords: ['农户', '户'], unitFamily: 'households' },
  { name: 'kinds', questionWords: ['种类', '品种', '多少种', '几种', 'kinds', 'species', 'variet'], factWords: ['种类', '品种'], unitFamily: 'kinds' },
  { name: 'strength', questionWords: ['度数', '酒精度', '多少度', 'alcohol', 'how strong'], factWords: ['度'], unitFamily: 'degrees', measure: true },
  { name: 'share', questionWords: ['占比', '比例', '百分之', '份额', 'percent', 'share'], factWords: ['占', '%'], unitFamily: 'percent' },
];
