// Operation composers over a temp index of the bundled page: answers that need the typed parse, not sentence overlap.
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTestIndex } from '../test-support/test-index.js';
import { answerOptions, composeOptions, createAnswerChain } from './answer-chain.js';
import { namedEntities } from './compose-operation.js';
import { askedKind, saysOpposite } from './compose-facts.js';
import type { AnswerResult } from './types.js';

let chain: ReturnType<typeof createAnswerChain>;
let searcher: Awaited<ReturnType<typeof buildTestIndex>>['searcher'];

beforeAll(async () => {
  const built = await buildTestIndex();
  searcher = built.searcher;
  chain = createAnswerChain(searcher, answerOptions(built.settings));
});

const ask = (question: string): Promise<AnswerResult> => chain.invoke({ question });

describe('composers over the real page', () => {
  it('answers a heyday asked in other words with the era heading its sentence', async () => {
    const r = await ask('阳城陶瓷产业什么时候最鼎盛？');
    expect(r.refused).toBe(false);
    expect(r.answer).toMatch(/^明清时期，阳城陶瓷产业达到极盛。\[1\]$/);
  });

  it('ranks counties by their specialty towns where what is asked is said of every town alike (入选, 上榜)', async () => {
    const fewest = await ask('哪个县上榜的专业镇最少？');
    expect(fewest.answer).toMatch(/^陵川最少。陵川1个：陵川中药材\[1\]；泽州2个：泽州精密铸造\[2\]、泽州山楂红酒\[3\]；/);
    expect(fewest.citations).toHaveLength(9);
    expect((await ask('哪个县的专业镇最多')).answer).toMatch(/^泽州、高平、阳城、沁水最多。/);
    expect((await ask('Which county has the fewest specialty towns?')).answer).toMatch(/^Lingchuan \(陵川\)\. 陵川1个/);
  });

  it('ranks counties across the page by figures of what is asked, not by any figure of a sentence saying 全县', async () => {
    expect((await ask('哪个县的蜂农最多')).answer).toBe('沁水：全县蜂农达1500户。[1]');
    expect((await ask('哪个县的中药材产值最高')).answer).toMatch(/^陵川：.*5\.28亿元/);
  });

  it('ranks only figures stated per household or person when a rate is asked (按户算, 人均, per household)', async () => {
    expect((await ask('按户或者按人算的增收数字，哪个专业镇最高？')).answer).toMatch(/^阳城蚕桑最高：2022年，户均增收6653元\[1\]；陵川中药材：农民人均药材收入突破3000元\[2\]。$/);
    expect((await ask('Which town has the biggest income gain per household or per person?')).answer).toMatch(/^阳城蚕桑 is the most: 2022年，户均增收6653元\[1\]/);
    expect((await ask('哪个专业镇的人均收入最高')).answer).toBe('最高的是陵川中药材：农民人均药材收入突破3000元[1]。');
  });

  it('reads a sentence saying 该园区 as about the thing its paragraph names with that head (潞绸园)', async () => {
    const r = await ask('高平的潞绸园集合了哪几方面的功能？');
    expect(r.answer).toMatch(/^该园区主要依托潞绸文化和国家非遗潞绸织造技艺，打造集工业化生产、潞绸产品体验、潞绸文化展示、潞绸织造研学基地于一体的综合性产业园区。\[1\]/);
  });

  it('says which town does not state the measure asked of several (泽州的年产值), instead of another figure of its passage (总投资3.5亿元)', async () => {
    for (const q of ['泽州和陵川的年产值各是多少', '泽州精密铸造一年产值有多少，陵川中药材呢']) {
      const r = await ask(q);
      expect(r.refused, r.answer).toBe(true);
      expect(r.answer).toMatch(/^文章没有提到泽州.*的相应数字；提到的是：截至今年4月，中药材种植业年产值突破5\.28亿元\[1\]。$/);
    }
    // …and a count in the unit asked (多少家) of a town that states none.
    expect((await ask('阳城陶瓷企业有多少家？比泽州铸造企业多吗？')).answer).toMatch(/^文章没有提到阳城陶瓷琉璃\(珐华\)的相应数字；提到的是：拥有铸造企业30家\[1\]。$/);
    // Both stated: both said.
    expect((await ask('阳城蚕桑和陵川中药材的产值分别是多少')).answer).toBe('阳城蚕桑：蚕桑综合产值3亿元。[1]陵川中药材：截至今年4月，中药材种植业年产值突破5.28亿元。[2]');
  });

  it('lists the honours of a form asked across the page (各地的“之乡”), only names of that form, page words and placeholders aside', async () => {
    const expected = '泽州精密铸造：“中国铸造之乡”[1]；高平生猪：“生猪之乡”[2]；阳城陶瓷琉璃(珐华)：“陶瓷之乡”、“琉璃之乡”[3]；“中国建筑琉璃之乡”[4]；沁水蜂蜜：“中国蜜蜂之乡”[5]。';
    expect((await ask('页面上各地都有哪些“之乡”的美誉？')).answer).toBe(expected);
    expect((await ask('這一頁上有哪些「XX之鄉」的稱號？')).answer).toBe(expected);
    expect((await ask('这一页一共有几个专业镇')).answer).toMatch(/^共9个：/);
  });

  it('answers which one was the first where the article says so without 最早 (率先, 首个), naming the organisation a sentence refers back to', async () => {
    expect((await ask('哪家公司在全国最早搞出山楂庄园酒？')).answer).toBe('山西彤康食品有限公司：该公司在全国率先开发了以山楂红酒为主体具有民族特色的庄园酒。[1]');
    expect((await ask('哪个蜂场是山西最早的数字化智能蜂场')).answer).toBe('沁水蜂蜜：蜜蜂小镇的数字化智能蜂场是山西省首个数字化智能蜂场。[1]');
  });

  it('answers which one is the top one where the article says so without a superlative word (养羊大县 for 养羊最多)', async () => {
    expect((await ask('晋城哪个县养羊最多？')).answer).toBe('沁水黑山羊：沁水县是晋城市养羊大县。[1]');
    expect((await ask('哪个县养猪最多')).answer).toMatch(/^高平生猪：/);
  });

  it('answers a superlative the article states itself, without computing across towns', async () => {
    const r = await ask('晋城冶铸业的历史最早能追溯到什么时候？');
    expect(r.refused).toBe(false);
    expect(r.answer).toContain('春秋战国');
    expect(r.citations).toHaveLength(1);
    // The time of the clause saying it, not another of its sentence (近代).
    expect((await ask('晋城的冶铸业最早能追溯到啥时候？')).answer).toBe('最早可以追溯到春秋战国时代。[1]');
  });

  it('ranks the figures of one named organisation, or of the page for a unit asked, by the family asked', async () => {
    expect((await ask('彤康提到的几块地中，哪块面积最小？')).answer).toMatch(/^最小的是500亩：/);
    expect((await ask('这版文章中的百分比数字，最高的是多少？')).answer).toMatch(/^最高的是阳城蚕桑：.*100%/);
    // 百分比 is no 比 of a comparison.
    expect((await ask('这版文章中的百分比数字，最高的是多少？')).operation).toBe('superlative');
  });

  it('answers which one a stated superlative is said of, with the clause saying it', async () => {
    expect((await ask('华北地区规模最大的丝绸织造印染企业是哪一家？')).answer).toBe('吉利尔潞绸集团：是华北地区规模最大的丝绸织造印染企业。[1]');
    // 排第一 asked: the sentence says it as 最大.
    expect((await ask('华北的丝绸印染企业，规模排第一的是哪家？')).answer).toBe('吉利尔潞绸集团：是华北地区规模最大的丝绸织造印染企业。[1]');
    // A 最大 said of something else (发挥到最大) is not the one asked about.
    expect((await ask('哪个专业镇提到的面积最大？')).answer).not.toMatch(/发挥到最大/);
  });

  it('answers a superlative asked of one named thing as its own fact, not the towns ranked', async () => {
    // A superlative describing the organisation named after it (华北最大的丝绸企业吉利尔潞绸集团) asks its sales: not stated.
    const sales = await ask('华北最大的丝绸企业吉利尔潞绸集团一年销售额有多少？');
    expect(sales.operation).toBe('lookup');
    expect(sales.refused).toBe(true);
    expect(sales.answer).toMatch(/^文章没有提到吉利尔潞绸的销售/);
    // 最早是哪一年 of one works, with no 哪个 picking among several: its founding year is not stated.
    const founded = await ask('后则腰村的乔氏琉璃最早是哪一年创办的？');
    expect(founded.refused).toBe(true);
    expect(founded.answer).not.toMatch(/泽州精密铸造|春秋战国|1958/);
  });

  it('answers a count asked with a verb and its object in full where the article writes their contraction (发放…蚕种 -> 发种)', async () => {
    const r = await ask('陽城縣2022年一共發放了多少張蠶種？');
    expect(r.refused).toBe(false);
    expect(r.answer).toMatch(/^该县共发种3\.56万张。\[1\]$/);
  });

  it('reads a shortened word the articles never use (劳力) as the longer word of the passage it abbreviates (劳动力)', async () => {
    for (const q of ['彤康公司给村里多少劳力找了活干？', '彤康公司安排了多少剩余劳力？']) {
      const r = await ask(q);
      expect(r.refused, r.answer).toBe(false);
      expect(r.answer).toBe('安置农村剩余劳动力500余人。[1]');
    }
    // A unit asked to convert to (万斤) is no abbreviation of the one stated (万公斤).
    expect((await ask('阳城2022年的蚕茧产量合多少万斤？')).answer).toContain('万斤');
  });

  it("answers a place's figure with the place's own, not an organisation's (企业出栏…) unless an organisation is asked", async () => {
    for (const q of ['高平2022年出了多少头猪？', '2022年高平一共出了多少头猪？']) expect((await ask(q)).answer).toBe('生猪出栏85万头。[1]');
    expect((await ask('凯永2022年出了多少头猪')).answer).toBe('企业出栏优质生猪达到30多万头。[1]');
  });

  it('reads a town typed in pinyin inside a Chinese question as the town, not as a word the articles never use', async () => {
    expect((await ask('lingchuan中药材经营主体有多少家')).answer).toBe('陵川各类中药材经营主体多达500余家。[1]');
    expect((await ask('gaoping生猪出栏多少头')).answer).toBe('生猪出栏85万头。[1]');
  });

  it('does not count a lone colloquial character the sentence says in the article\'s words (挣 as 增收) as unknown', async () => {
    const r = await ask('给彤康种山楂的老乡，一年平均多挣多少钱？');
    expect(r.refused).toBe(false);
    expect(r.answer).toBe('年均可增收1800多元。[1]');
  });

  it('answers a duration asked with a lone verb (干了多少年) by the stated duration, but not one asked of someone unnamed', async () => {
    const r = await ask('吉利尔这个牌子做潞绸到现在干了多少年了？');
    expect(r.refused).toBe(false);
    expect(r.answer).toMatch(/^65年来/);
    expect((await ask('吉利尔的员工平均干了多少年？')).refused).toBe(true);
  });

  it('answers a capacity asked as "at most" with a directional complement (最多能酿出来多少) by the stated capacity', async () => {
    const r = await ask('彤康现在一年最多能酿出来多少山楂红酒？');
    expect(r.refused).toBe(false);
    expect(r.answer).toBe('现已具备年产5000吨山楂红酒的生产能力。[1]');
    // A lone content character by the question word still asks (值 of 产值); only a function word (最) does not.
    expect((await ask('阳城蚕桑那一块2022年一共能值多少钱？')).answer).toBe('蚕桑综合产值3亿元。[1]');
  });

  it('finds an English term by a translation the article writes though not as one word (intangible cultural heritage: 非物质文化遗产)', async () => {
    const r = await ask("In which year was Gaoping's Lu silk hand weaving listed as intangible cultural heritage?");
    expect(r.answer).toBe('in 2014. 2014年被列为国家级非物质文化遗产。[1]');
  });

  it('reads the thing "how many" counts in English as its plural noun, not the clause after it (households keep bees)', async () => {
    const r = await ask('How many households keep bees in Qinshui?');
    expect(r.refused).toBe(false);
    expect(r.answer).toBe('1,500 households. 全县蜂农达1500户。[1]');
  });

  it('answers which township in English from the sentence naming one, led by its pinyin', async () => {
    const r = await ask('Which township in Zezhou County is building the green innovation industrial park centred on precision casting?');
    expect(r.answer).toMatch(/^Xiacun Town \(下村镇\): .*绿色创新产业园/);
    // "Which town in a county" asks a township too.
    expect((await ask('Which town in Zezhou County is building the green innovation industrial park centred on casting?')).answer).toMatch(/^Xiacun Town \(下村镇\)/);
  });

  it('answers which organisation from a sentence that refers back to it (该公司在全国率先开发了…), not from a quality named in passing (民族特色)', async () => {
    const r = await ask('全国第一个开发出以山楂红酒为主的民族特色庄园酒的是哪家企业？');
    expect(r.refused).toBe(false);
    expect(r.answer).toMatch(/^山西彤康食品有限公司：该公司在全国率先开发了以山楂红酒为主体具有民族特色的庄园酒/);
  });

  it('answers a name set after a dash by the words before the dash, over a listed item sharing fewer of them', async () => {
    const r = await ask('山西省唯一通过国家审定的白猪品种叫什么？');
    expect(r.answer).toMatch(/晋汾白猪/);
    expect(r.answer).not.toMatch(/核心育种场/);
  });

  it('takes a stated superlative in the scope the question names (全省规模最大, not 华北地区规模最大), 最大的什么 as which one', async () => {
    expect((await ask('高平建了全省规模最大的什么基地？')).answer).toMatch(/^高平生猪：.*全省规模最大的种猪繁育基地/);
  });

  it('reads a page-wide superlative of a named measure off that measure’s figures', async () => {
    // Across the towns (one figure per town) or, when retrieval finds too little, across the measure's figures.
    for (const question of ['整版文章里金额最大的一笔收入是多少？', '讲到赚钱，数额最大的收入是哪一项？']) {
      const r = await ask(question);
      expect(r.operation).toBe('superlative');
      expect(r.answer).toMatch(/^(?:最大的是阳城蚕桑：|阳城蚕桑最大：)蚕茧收入8830万元\[1\]/);
    }
    // One town states an investment at all: the measure's own figures answer.
    expect((await ask('报道里哪个项目投资最多？')).answer).toMatch(/^最多的是泽州精密铸造：.*总投资3\.5亿元的晋城市亚鑫工贸有限公司/);
  });

  it('ranks organisations by the founding each one’s sentence states when asked 哪家', async () => {
    expect((await ask('这些企业里哪家成立得最早？')).answer).toMatch(/^吉利尔潞绸集团最早：.*1958年\[1\]；山西彤康食品有限公司：成立于2007年\[2\]。$/);
  });

  it('answers when with a relative date (今年4月), and a near miss when the event asked is not the one dated', async () => {
    expect((await ask('亚鑫工贸二期项目是什么时候进行产前调试的？')).answer).toMatch(/^今年4月/);
    expect((await ask('亚鑫工贸二期项目哪年正式投产？')).refused).toBe(true);
  });

  it('answers a name question with a title in 《》, or with the sentence when the name is not quoted', async () => {
    expect((await ask('高平今年出台的扶持政策叫什么名字？')).answer).toContain('《关于推进现代农业产业高质量发展的三年扶持政策》');
    expect((await ask('高平全省唯一的那个国家级育种场叫什么？')).answer).toContain('全省唯一国家核心育种场');
    expect((await ask('凯永集团的董事长叫什么名字？')).refused).toBe(true);
  });

  it('does not take 朝代 for the attribute asked', async () => {
    const r = await ask('高平在什么朝代是潞绸的产地中心？');
    expect(r.refused).toBe(false);
    expect(r.answer).toContain('唐代');
  });

  it('answers the name whose clause holds the figure the question says (连着12年 -> 全国生猪调出大县)', async () => {
    expect((await ask('高平连着12年拿到的是什么称号？')).answer).toBe('连续12年被确定为“全国生猪调出大县”。[1]');
    // A county of two towns: each town's honours, named.
    expect((await ask('高平有什么称号？')).answer).toMatch(/^高平潞绸：“国家级非物质文化遗产”\[1\]；高平生猪：“生猪之乡”\[2\]/);
  });

  it('reads 怎么这么 / 咋那么 + a quality as asking why, answered with the causal sentence', async () => {
    const r = await ask('沁水黑山羊的羊肉怎么这么好吃？');
    expect(r.operation).toBe('reason');
    expect(r.answer).toMatch(/由于黑山羊整日穿行于丘陵山区，活动量大/);
  });

  it('answers 被誉为什么 as a name, not as a reason', async () => {
    const r = await ask('陵川县被称为什么？');
    expect(r.operation).toBe('lookup');
    expect(r.answer).toContain('太行药乡');
  });

  it('reads a sentence saying 该公司 as speaking of the organisation its paragraph names', async () => {
    const r = await ask('彤康的酒最低多少度？');
    expect(r.refused).toBe(false);
    expect(r.answer).toMatch(/^最低的是6度清甜山楂甜酒/);
  });

  it('does not answer one organisation’s founding year with another’s', async () => {
    const r = await ask('凯永集团哪一年创办的？');
    expect(r.refused).toBe(true);
    expect(r.answer).not.toMatch(/^吉利尔/);
  });
});

describe('lists, counts and durations over the real page', () => {
  it('lists the towns that match, each with the clause that says so', async () => {
    const r = await ask('哪些专业镇和大学有合作？');
    expect(r.answer).toMatch(/高平生猪（[^）]*山西大学[^）]*）\[\d\]/);
    expect(r.answer).toMatch(/陵川中药材（[^）]*山西农业大学[^）]*）\[\d\]/);
  });

  it('reads no word to find in how a question points or says how (那条, 从头到尾, 一天到晚, 什么地方)', async () => {
    expect((await ask('高平生猪的全产业链从头到尾包含几个环节？')).answer).toMatch(/^共7个：.*饲料加工——核心育种/);
    expect((await ask('那家吉利尔集团是哪年创始的？')).answer).toMatch(/1958年/);
    // 点了名 / 提到 say the article mentions them: no fact to find.
    expect((await ask('凯永在河西镇等地建的项目，文中点了名的一共几个？')).answer).toMatch(/^共5个：/);
    expect((await ask('沁水黑山羊一天到晚都在什么地方活动？')).answer).toContain('整日穿行于丘陵山区');
    // A set phrase holding a word the articles use (驰名商标: 商标) is still a thing asked, and not stated.
    expect((await ask('泽州铸造企业的31个注册商标里有几个是驰名商标？')).refused).toBe(true);
  });

  it('lists the enumeration that names the kind asked after its items (等多种传媒手段 for 哪些媒体)', async () => {
    // A county's two towns are not listed one by one when one enumeration names the kind asked.
    expect((await ask('沁水养羊协会提供哪些服务？')).answer).toBe('提供种畜、技术、信息、生产资料、肉羊回收、销售等方面的配套服务。[1]');
    expect((await ask('沁水是靠哪些媒体把卖羊的消息发出去的？')).answer).toMatch(/^利用广播、电视、报纸等多种传媒手段。\[1\]$/);
    expect(askedKind('陵川那篇里提到的药材有哪几种？')).toBe('药材');
    // Counted too, before an enumeration that only shares the question's other words (肉羊: 产前、产中、产后).
    expect((await ask('沁水发布肉羊购销信息，用了几种传媒？')).answer).toMatch(/^共3种：利用广播、电视、报纸等多种传媒手段。/);
    expect((await ask('阳城蚕桑先后建成了几个项目？')).answer).toMatch(/^共3个：.*蚕桑科技孵化中心/);
    expect(askedKind('彤康有哪些东西')).toBe('');
    expect(askedKind('蜂场里有哪些玩意儿')).toBe('');
  });

  it('answers what was done or came of it with the run of clauses after what the question restates', async () => {
    // The actions follow the clause the question restates; 省、市两级 in that clause is no list of actions.
    const done = await ask('陵川借着打造专业镇的东风都做了些什么？');
    expect(done.refused).toBe(false);
    expect(done.answer).toContain('扩规提质、补链强链、融合引流');
    const measures = await ask('泽州为了让传统铸造重新焕发生机采取了哪些措施');
    expect(measures.answer).toMatch(/加大自主创新，培育龙头企业，带动产业集群化和开放发展。\[1\]$/);
    // What came of it: from the clause the question names (机器人) to the sentence's end, not the investment before it.
    const gains = await ask('亚鑫引进机器人之后带来了什么好处');
    expect(gains.answer).toMatch(/^引进30台5G智能芯片机器人，实现先进技术与铸造产业深度融合，废品减少、能耗降低、成本降低/);
  });

  it('counts the items of the enumeration that answers, in the question’s classifier, only those of the kind asked', async () => {
    expect((await ask('凯永集团建了几个育种场？')).answer).toMatch(/^共2个：/);
    expect((await ask('沁水养羊协会的配套服务分几个方面？')).answer).toMatch(/^共6个方面：/);
    expect((await ask('潞绸园区集了几种功能？')).answer).toMatch(/^共4种：/);
    // 多少 expects a stated figure: a list in the sentence is not counted for it.
    expect((await ask('阳城县目前有多少家陶瓷企业？')).refused).toBe(true);
  });

  it('answers and counts qualities with the run of short descriptive clauses, in traditional characters too', async () => {
    expect((await ask('泽州红有几个优点')).answer).toBe('共4个：果实个大，色泽鲜艳，酸甜适度，医用价值高[1]。');
    expect((await ask('「澤州紅」的果子有什麼特點？')).answer).toBe('果实个大，色泽鲜艳，酸甜适度，医用价值高[1]。');
    expect((await ask('沁水黑山羊肉有什么特点')).answer).toMatch(/^活动量大，生长周期长，其肉质纤维细长，脂肪含量低/);
  });

  it('counts the distinct times of the best sentence, or of the whole page when asked of it', async () => {
    expect((await ask('晋城冶铸业的历史一共说到了几个时期？')).answer).toBe('共3个：春秋战国时代[1]、明清[1]、近代[1]。');
    expect((await ask('整版里提到了多少个不同的年份？')).answer).toMatch(/^共5个：1958年\[1\]、2007年\[2\]、2014年\[3\]、2021年\[4\]、2022年\[5\]。$/);
  });

  it('lists the towns whose articles state the year asked', async () => {
    expect((await ask('哪些报道用到了2022年的数字？')).answer).toMatch(/^高平生猪\[1\]、阳城蚕桑\[2\]。$/);
  });

  it('counts the towns asked about before any figure a sentence states, in English too', async () => {
    expect((await ask('阳城有几个专业镇？')).answer).toBe('共2个：阳城陶瓷琉璃(珐华)[1]、阳城蚕桑[2]。');
    expect((await ask('首批市级专业镇一共有多少个？')).answer).toMatch(/^共9个：/);
    // The count closing the question counts the towns named well before it (专业镇这篇文章一共介绍了几个).
    expect((await ask('晋城首批市级专业镇这篇文章一共介绍了几个？')).answer).toMatch(/^共9个：/);
    expect((await ask('How many specialty towns are in Gaoping?')).answer).toMatch(/^2 towns: 高平潞绸/);
    expect((await ask('How many of the specialty towns are in Yangcheng County?')).answer).toMatch(/^2 towns: 阳城陶瓷琉璃\(珐华\)/);
    // Words for the page (featured, appear) say where to look, not what the towns have in common.
    expect((await ask('How many specialty towns are featured on this page?')).answer).toMatch(/^9 towns: 泽州精密铸造\[1\]/);
    expect((await ask('Which specialty towns are featured on the page?')).answer).toMatch(/^泽州精密铸造\[1\]、泽州山楂红酒\[2\]、.*沁水蜂蜜\[9\]。$/);
  });

  it('computes a gap or a sum of one passage’s figures, naming each cited figure', async () => {
    const gap = await ask('彤康的农作物基地离3万亩的目标还差多少亩？');
    expect(gap.operation).toBe('difference');
    expect(gap.answer).toMatch(/^还差28950亩（3万亩减去1050亩）：.*3万亩.*\[1\]；现已建成1050亩农作物种植基地\[1\]。$/);
    // 扣除…还有 asks what is left; money in 亿元.
    expect((await ask('阳城蚕桑的综合产值扣除蚕茧收入还有多少？')).answer).toMatch(/^还剩2\.117亿元（3亿元减去8830万元）/);
    const sum = await ask('阳城从事蚕桑产业的脱贫户加监测户一共多少户？');
    expect(sum.operation).toBe('sum');
    expect(sum.answer).toBe('一共201户（198户加3户）：198户脱贫户[1]、3户监测户[1]。');
    // A total of all kinds the passage states (各类…500余家) is said, not computed from parts, nor from another town's figures.
    expect((await ask('陵川种药材的企业、合作社这些加起来一共有多少家？')).answer).toBe('陵川各类中药材经营主体多达500余家。[1]');
  });

  it('computes a difference exactly, from the figures of the things the question names', async () => {
    // Two figures of one enumeration: the ones whose item names the thing asked, the sentence shown once.
    expect((await ask('彤康两款山楂白兰地的度数相差几度？')).answer).toMatch(/^相差12度（54度减去42度）：[^[]*\[1\]。$/);
    // Not rounded: 5.28亿元 less 8830万元.
    expect((await ask('陵川中药材年产值比阳城蚕茧收入高多少？')).answer).toMatch(/^陵川中药材年产值更高，相差4\.397亿元/);
    // Two sides in one sentence: each takes the figure its own noun stands next to (198户脱贫户、3户监测户).
    expect((await ask('阳城从事蚕桑的脱贫户比监测户多几户？')).answer).toMatch(/相差195户/);
    expect((await ask('彤康两块有机基地的面积差了多少亩？')).answer).toMatch(/^相差10000亩（3万亩减去2万亩）/);
    // The side's figure is the one its words stand next to (3万亩有机农作物种植基地, not the 2万亩 beside it).
    expect((await ask('陵川中药材的种植面积比彤康的有机农作物基地大多少？')).answer).toMatch(/相差37\.1万亩/);
  });

  it('counts the enumeration that says what is asked rather than a stated count of something else', async () => {
    // 12大药养品牌 is stated, but the 深加工产品 asked are an enumeration of five.
    expect((await ask('陵川研发出来的中药深加工产品有几样？')).answer).toMatch(/^共5样：.*连翘药茶/);
    // Several kinds asked together count every item.
    expect((await ask('高平先后建了几个种猪基地和场站？')).answer).toMatch(/^共3个：/);
    // Of two lists in one clause, the projects, not the places.
    expect((await ask('凯永集团一共建了几个项目？')).answer).toMatch(/^共5个：/);
  });

  it('lists and counts the organisations of a kind the articles name, the page itself not a word to find', async () => {
    expect((await ask('这一版里一共提到了几所大学？')).answer).toBe('共2所：山西大学[1]、山西农业大学[2]。');
    expect((await ask('报道里出现了哪些集团？')).answer).toBe('吉利尔潞绸集团[1]、凯永集团[2]。');
    expect((await ask('高平有几家集团？')).answer).toMatch(/^共2家：/);
  });

  it('counts counties, citing each town in the order written', async () => {
    const r = await ask('这九个专业镇一共分布在晋城几个县市？');
    expect(r.answer).toMatch(/^共5个：/);
    expect([...r.answer.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('answers how long from a stated duration, or computes it from the start year and says so', async () => {
    expect((await ask('吉利尔做潞绸有多长时间了？')).answer).toContain('65年来');
    const r = await ask('彤康公司成立多少年了？');
    expect(r.refused).toBe(false);
    expect(r.answer).toMatch(/^约\d+年：成立于2007年\[1\]（按文章中最晚的年份\d{4}年推算）。$/);
    expect(r.facts?.[0]?.text).toContain('2007');
  });

  it('answers a per-household figure asked without a unit, and refuses an output when only a capacity is given', async () => {
    expect((await ask('阳城蚕桑去年户均增收多少？')).answer).toContain('6653元');
    const r = await ask('彤康去年实际产了多少吨红酒？');
    expect(r.refused).toBe(true);
    expect(r.answer).toContain('生产能力');
  });
});

describe('comparisons of figures over the real page', () => {
  it('takes no figure for a side the question dates to a year its article does not state it for', async () => {
    const r = await ask('2022年沁水黑山羊的饲养量和高平生猪出栏量，哪个多？');
    expect(r.refused).toBe(true);
    expect(r.answer).toMatch(/^文章没有提到2022年沁水黑山羊的饲养量的相应数字/);
    expect((await ask('2021年沁水黑山羊的饲养量和2022年高平生猪出栏量，哪个多？')).refused).toBe(false);
  });

  it('sets figures of one unit family side by side, trying each side against the other’s family', async () => {
    // 彤康's best figure may be of another kind; its 5000吨 is set against 167.7万公斤 (both weights).
    const r = await ask('彤康一年的山楂红酒产能，跟阳城一年的蚕茧产量比，哪个更重？');
    expect(r.answer).toMatch(/^彤康一年的山楂红酒产能更.*5000吨.*167\.7万公斤/);
    const firms = await ask('Who has more firms: the chain-leader companies Lingchuan attracted, or Zezhou’s foundries?');
    expect(firms.answer).toMatch(/^Zezhou’s foundries is more: .*30家.*15家/);
  });
});

describe('comparisons by time over the real page', () => {
  it('dates each side by the earliest time its attribute is stated for, whatever town names stand in the sides', async () => {
    const r = await ask('高平的丝绸和泽州的冶铸业，谁的历史更久？');
    expect(r.answer).toMatch(/^泽州的冶铸业更久：最早可以追溯到春秋战国时代\[1\]；高平的丝绸：唐代/);
  });

  it('puts events in order by the time each one’s own sentence states, not the earliest time near it', async () => {
    // Both sides are about Lu silk; the listing's side is dated by its listing (2014), not by 吉利尔's founding.
    const order = await ask('吉利尔创立和潞绸手工织造列为国家级非遗，哪一件事情在先？');
    expect(order.answer).toMatch(/^吉利尔创立更早：.*1958年\[1\]；潞绸手工织造列为国家级非遗：2014年被列为国家级非物质文化遗产\[2\]。$/);
    // …with the other side's own founding stated too: the listing is dated by the sentence saying most of its words.
    expect((await ask('潞绸手工织造列入国家级非遗跟彤康成立哪个在前')).answer).toMatch(/^彤康成立更早：成立于2007年\[1\]；潞绸手工织造列入国家级非遗：2014年/);
    // (…and asked 这两件事哪件早.)
    expect((await ask('彤康成立和潞绸手工织造入选国家级非遗，这两件事哪件早？')).answer).toMatch(/^彤康成立更早：成立于2007年\[1\]；潞绸手工织造入选国家级非遗：2014年/);
    // A以后又隔了几年B: how many years after the first event the second one came.
    expect((await ask('彤康成立以后，又隔了几年潞绸才列入国家级非遗？')).answer).toMatch(/^彤康成立更早，相差7年：.*2007年.*2014年/);
    // 从A到B中间隔了多少年: two events, each dated by its own fact (the listing in 2014, not the group's founding year).
    expect((await ask('吉利尔潞绸集团创办到潞绸手工织造列入国家级非遗，中间隔了多少年？')).answer).toMatch(/相差56年：.*1958年.*2014年/);
    // An event said by its figure (200,000 goats) is dated by the sentence stating that figure.
    expect((await ask('How long after Lu silk became national heritage did Qinshui reach 200,000 goats?')).answer).toMatch(/is earlier, by 7 years: .*2014年.*2021年/);
  });

  it('says a difference in the question’s own comparative, percentages apart in points', async () => {
    expect((await ask('吉利尔比彤康早成立多少年？')).answer).toMatch(/^吉利尔更早，相差49年：/);
    expect((await ask('高平生猪出栏和屠宰哪个少？')).answer).toMatch(/^屠宰更少：/);
    expect((await ask('阳城蚕茧产量占全市的份额比占全省的高多少？')).answer).toMatch(/更高，相差3\.9个百分点：/);
  });

  it('compares the two sides an English question offers after its question, leading in English', async () => {
    const r = await ask("Which is lower: Lingchuan's herb output value or Yangcheng's sericulture output value?");
    expect(r.operation).toBe('compare');
    expect(r.answer).toMatch(/^Yangcheng's sericulture output value is lower: .*3亿元\[1\]；.*5\.28亿元\[2\]。$/);
  });

  it('reads a side naming an organisation only in passages about it, and says an English difference in English', async () => {
    expect((await ask('泽州山楂栽培历史比吉利尔的历史长多少年？')).answer).toMatch(/吉利尔的历史：吉利尔潞绸集团创始于1958年/);
    expect((await ask("How much more is Lingchuan's herb output value than Yangcheng's sericulture output value?")).answer).toMatch(/^Lingchuan's herb output value is more, by 228 million yuan: /);
  });

  it('ranks the animal figures of one town’s article asked in English (the smallest pig number)', async () => {
    expect((await ask('What is the smallest pig number given in the Gaoping pig article?')).answer).toMatch(/^The smallest is over 300,000 head: .*30多万头/);
  });

  it('computes how far apart two of one thing are, in English too', async () => {
    expect((await ask('彤康那两款山楂白兰地差几度？')).answer).toMatch(/^相差12度（54度减去42度）：/);
    expect((await ask('How many degrees apart are the two hawthorn brandies Tongkang makes?')).answer).toMatch(/^The gap is 12度 \(54度 minus 42度\): /);
  });

  it('ranks drinks by strength asked in English (mildest, strongest), naming the drink', async () => {
    expect((await ask('Which is the strongest drink Tongkang makes?')).answer).toMatch(/^The strongest is 54 % vol \(54度山楂白兰地\): /);
    expect((await ask('What is the mildest drink Tongkang makes?')).answer).toMatch(/^The mildest is 6 % vol \(6度清甜山楂甜酒\): /);
  });

  it('names the organisation a page-wide superlative’s figure is about when asked 哪家', async () => {
    expect((await ask('整版说到带动农户的，哪家带的户数最多？')).answer).toMatch(/^最多的是彤康公司：.*4万多农户/);
  });

  it('answers a place in a ranking of one passage’s figures (排中间, 第二高), naming the item', async () => {
    expect((await ask('彤康的五款酒按度数排，中间那款是哪个？')).answer).toMatch(/^排中间的是13度山楂干红（54度 > 42度 > 13度 > 8度 > 6度）：/);
    expect((await ask('彤康度数第二高的酒是哪款？')).answer).toMatch(/^第二高的是42度山楂白兰地（/);
    expect((await ask('彤康度数第二低的酒是哪款')).answer).toMatch(/^第二低的是8度山楂情缘（6度 < 8度/);
  });

  it('computes the gap between the extremes of one passage’s figures, whatever the words for them', async () => {
    expect((await ask('彤康的酒里最烈的和最淡的相差多少度')).answer).toMatch(/^相差48度（最高54度减去最低6度）：.*\[1\]。$/);
    // Two sides that are not extremes are still compared as sides.
    expect((await ask('吉利尔比彤康早成立多少年？')).answer).toMatch(/^吉利尔更早，相差49年：/);
  });

  it('takes the rest of a share of the scope the question names (占全省), not the first share stated', async () => {
    expect((await ask('除了阳城，全省别的地方产的蚕茧占多少？')).answer).toMatch(/^其余占13\.2%（100%减去86\.8%）/);
    expect((await ask('除了阳城，全市其他地方的蚕茧占百分之几？')).answer).toMatch(/^其余占9\.3%（100%减去90\.7%）/);
  });

  it('counts the part of a whole that is not something (还没拿到商标的) as the whole less the part that is, both cited', async () => {
    expect((await ask('泽州30家铸造企业里，还没拿到注册商标的有几家？')).answer).toMatch(/^其余14家（30家减去16家）：.*30家\[1\]；16家企业已取得/);
    expect((await ask('故宫的琉璃瓦里不是阳城造的占多少？')).answer).toMatch(/^其余占10%（100%减去90%）/);
    // …and asked after the count (有多少家还没有商标), without a 的.
    expect((await ask('泽州铸造企业有多少家还没有商标')).answer).toMatch(/^其余14家（30家减去16家）/);
  });

  it('computes how many times one cited figure is the other', async () => {
    const r = await ask('高平生猪出栏量是屠宰量的几倍？');
    expect(r.operation).toBe('difference');
    expect(r.answer).toBe('高平生猪出栏量是屠宰量的2.19倍：高平生猪出栏量：生猪出栏85万头[1]；屠宰量：生猪屠宰38.8万头[1]。');
  });

  it('reads 在前 as earlier', async () => {
    expect((await ask('彤康和吉利尔，哪个在前成立？')).answer).toMatch(/^吉利尔更早：.*1958年\[1\]；彤康：成立于2007年\[2\]。$/);
  });
});

describe('a founding year stated against one counted back', () => {
  it('dates a side by its stated founding year (创始于1958年), not by a duration counted back from the latest year (65年来)', async () => {
    const r = await ask('吉利尔潞绸集团比彤康食品公司早成立了多少年？');
    expect(r.answer).toMatch(/^吉利尔潞绸集团更早，相差49年：.*创始于1958年\[1\]；.*成立于2007年\[2\]/);
    // A后过了多少年B: two events, each dated by its own fact.
    expect((await ask('吉利尔集团创立后过了多少年，潞绸手工织造才被列为国家级非遗？')).answer).toMatch(/相差56年：.*创始于1958年\[1\]；.*2014年被列为国家级非物质文化遗产\[2\]/);
  });
});

describe('superlatives over the real page', () => {
  it('picks the extreme figure within one passage and leads with it', async () => {
    expect((await ask('彤康哪款山楂酒度数最低？')).answer).toMatch(/^最低的是6度清甜山楂甜酒：开发产品有.*\[1\]$/);
  });

  it('compares across towns only the figures worded as the asked measure, in the question’s word', async () => {
    const r = await ask('九个专业镇里哪个的产值最高？');
    expect(r.answer).toMatch(/^陵川中药材最高：[^；]*年产值突破5\.28亿元\[1\]；阳城蚕桑：蚕桑综合产值3亿元\[2\]。$/);
  });

  it('names the town when 哪个 asks for the one whose article states the superlative', async () => {
    expect((await ask('这几个产业里，哪个历史最早能追溯到？')).answer).toMatch(/^泽州精密铸造：.*春秋战国/);
  });
});

describe('yes/no over the real page', () => {
  it('answers 有没有 with 有 and the sentence', async () => {
    const r = await ask('沁水是不是建了蜜蜂博物馆？');
    expect(r.answer).toMatch(/^是的。.*蜜蜂博物馆/);
    expect((await ask('沁水县有没有建蜜蜂博物馆？')).answer).toMatch(/^有。.*蜜蜂博物馆/);
  });

  it('answers a list of a kind from the enumeration its clause introduces with that kind (开发产品有…)', async () => {
    expect((await ask('彤康出的山楂酒都有哪些产品？')).answer).toBe('开发产品有6度清甜山楂甜酒、8度山楂情缘、13度山楂干红、42度和54度山楂白兰地等。[1]');
  });

  it('lists the townships or villages the articles name, a name inside a quotation (“太行药乡”) being no place', async () => {
    expect((await ask('报道里提到了哪些乡镇？')).answer).toBe('共5个：下村镇[1]、高都镇[2]、河西镇[3]、建宁乡[3]、北诗镇[3]。');
    expect((await ask('高平那篇点名的乡镇有几个？')).answer).toBe('共3个：河西镇[1]、建宁乡[1]、北诗镇[1]。');
    expect((await ask('Which villages are mentioned in the articles?')).answer).toBe('2: Daxing Village (大兴村)[1], Houzeyao Village (后则腰村)[2].');
    // 乡村振兴 is no village asked.
    expect((await ask('哪几篇报道说到了乡村振兴？')).answer).not.toMatch(/大兴村/);
    // …nor the specialty towns: 哪几个专业镇提到 asks which of them.
    expect((await ask('哪几个专业镇提到了跟大学合作？')).answer).toMatch(/^高平生猪（和山西大学进行产学研合作）\[1\]、陵川中药材（加紧与山西农业大学等科研院所合作）\[2\]。$/);
  });

  it('answers what a quoted saying goes on to say, with the clause quoting it', async () => {
    const r = await ask('凯永的发展理念“一辈子只干好一件事”指的是什么？');
    expect(r.answer).toBe('养好每头猪、卖好每块肉：以“一辈子只干好一件事，养好每头猪、卖好每块肉”为发展理念[1]。');
    // A saying the quotation ends on has nothing after it: answered as before.
    expect((await ask('凯永的理念里“卖好每块肉”是什么意思？')).answer).not.toMatch(/^：/);
  });

  it('drops an unknown adjective or adverb (响亮, 向来) when a word an attribute family asks by is left (名号)', async () => {
    const r = await ask('陵川县向来有个啥响亮名号？');
    expect(r.refused).toBe(false);
    expect(r.answer).toMatch(/“太行药乡”/);
    // A superlative is no such word: 哪款卖得最好 still asks what the articles do not state.
    expect((await ask('彤康的几款酒里，哪款卖得最火？')).refused).toBe(true);
  });

  it('drops an unknown colloquial verb (过日子) when a known word is left, a verbal one included (养蜂)', async () => {
    const r = await ask('沁水有多少人家靠养蜂过日子？');
    expect(r.refused).toBe(false);
    expect(r.answer).toBe('全县蜂农达1500户。[1]');
  });

  it('answers the main business asked in everyday words (平时主要是卖什么) by what the article says it 主营', async () => {
    const r = await ask('吉利尔平时主要是卖什么的？');
    expect(r.refused).toBe(false);
    expect(r.answer).toMatch(/主营新娘绸缎被、高端丝绸面料/);
  });

  it('reads 几成 as a share asked, and an indefinite amount (好多) as no word to find', async () => {
    const r = await ask('都说故宫的琉璃瓦好多出自阳城，究竟占几成？');
    expect(r.refused).toBe(false);
    expect(r.answer).toBe('明清时期，北京故宫古建筑群所用的琉璃瓦有90%为阳城制造。[1]');
  });

  it('reads a time word saying "now" that the articles never use (眼下, 如今) as when the question is asked', async () => {
    const r = await ask('眼下阳城陶瓷是以哪几类产品为主体的？');
    expect(r.refused).toBe(false);
    expect(r.answer).toMatch(/以建筑瓷、日用瓷、工业瓷、琉璃制品为主体/);
  });

  it('reads English through the overrides kept for words CC-CEDICT renders loosely (cultivate, nectar source, land as an area)', async () => {
    expect((await ask('How much land in Qinshui is covered by nectar-source plants?')).answer).toBe('over 2 million mu. 拥有200余万亩优质蜜源植物资源。[1]');
    expect((await ask("I'm doing a report on Zezhou hawthorns. How long have they been cultivated?")).answer).toBe('over 300 years. 泽州山楂栽培历史已有300多年。[1]');
    expect((await ask('In which dynasty was Gaoping the centre of Lu silk?')).answer).toMatch(/^唐代 .*唐代曾是潞绸的产地中心/);
  });

  it('answers "what kinds of" in English as a list of kinds: the main ones, or those of the kind asked (products -> 产品)', async () => {
    expect((await ask('What types of ceramics are mainly produced in Yangcheng?')).answer).toMatch(/以建筑瓷、日用瓷、工业瓷、琉璃制品为主体/);
    const products = await ask('What types of products does Lingchuan make from its herbs?');
    expect(products.operation).toBe('list');
    expect(products.answer).toMatch(/连翘药茶、黄芩苷、中药饮片、中药牙膏、中药化妆品等深加工产品/);
  });

  it('reads "the name of" in English as a name asked, the frame not a word to find (名 of 闻名)', async () => {
    expect((await ask("What's the name of the main hawthorn variety grown in Zezhou?")).answer).toBe('“泽州红”. 主要栽培品种“泽州红”果实个大。[1]');
  });

  it('confirms an English claim whose word the sentence says in another of its translations (core: 中心 or 核心)', async () => {
    expect((await ask("Does Gaoping have the province's only national core breeding farm?")).answer).toMatch(/^Yes\. .*全省唯一国家核心育种场/);
  });

  it('checks a claim in the sentence stating it, not one chosen for the year that only sets its time (2022年的屠宰量)', async () => {
    expect((await ask('高平2022年的生猪屠宰量是不是全省第一？')).answer).toBe('不是。文章说：生猪屠宰38.8万头，位居全省第一方阵。[1]');
  });

  it('checks a bounded figure against the stated one of its unit family', async () => {
    expect((await ask('沁水黑山羊饲养量超过30万只了吗？')).answer).toBe('不是。文章说：2021年，全县黑山羊饲养量达到20万只。[1]');
    expect((await ask('陵川中药材种类超过500种了吗？')).answer).toMatch(/^是的。.*521种/);
    expect((await ask('高平生猪出栏不到100万头吧？')).answer).toMatch(/^是的。.*85万头/);
  });

  it('checks a bound said after its figure (500种以上) as a bound, not as an exact claim', async () => {
    expect((await ask('陵川中药材有500种以上吗')).answer).toMatch(/^有。.*521种/);
    expect((await ask('高平出栏的猪有80万头以上吗')).answer).toMatch(/^有。.*85万头/);
    expect((await ask('沁水黑山羊饲养量有30万只以上吗')).answer).toMatch(/^没有。.*20万只/);
  });

  it('checks a bound against the figure the question names (宰 -> 屠宰38.8万头), not the first figure of its unit', async () => {
    expect((await ask('高平2022年宰的猪有40万头以上吗？')).answer).toMatch(/^没有。.*屠宰38\.8万头/);
    expect((await ask('高平出栏的猪有90万头以上吗')).answer).toMatch(/^没有。.*出栏85万头/);
  });

  it('says no to a kind the sentence’s enumeration leaves out, yes to one it names', async () => {
    expect((await ask('沁水是四大名蜜里洋槐蜜的主产区吗？')).answer).toMatch(/^不是。文章说：.*荆条蜂蜜、刺槐蜂蜜/);
    expect((await ask('沁水是荆条蜂蜜的主产区吗？')).answer).toMatch(/^是的。/);
  });

  it('checks a claimed year, era, round figure or English figure against the stated one', async () => {
    expect((await ask('吉利尔是1958年成立的吗')).answer).toMatch(/^是的。吉利尔潞绸集团创始于1958年/);
    expect((await ask('吉利尔算不算1960年成立的')).answer).toMatch(/^不是。文章说：吉利尔潞绸集团创始于1958年/);
    expect((await ask('阳城陶瓷是唐代最兴盛的吧？')).answer).toMatch(/^不是。文章说：明清时期/);
    expect((await ask('阳城优良蚕桑品种推广率只有一半左右吗？')).answer).toMatch(/^没有。文章说：.*100%/);
    expect((await ask('Has the herb planting area in Lingchuan passed 400,000 mu?')).answer).toMatch(/^Yes\. .*40\.1万亩/);
    expect((await ask('Can Tongkang make 50,000 tonnes of hawthorn wine a year?')).answer).toMatch(/^No\. .*5000吨/);
  });

  it('checks a claimed figure against the named town’s sentence stating that kind of figure, retrieved or not', async () => {
    expect((await ask('听说沁水有上万户蜂农，是真的吗？')).answer).toMatch(/^不是。文章说：.*1500户/);
  });

  it('answers an English byline question in English', async () => {
    expect((await ask('Which journalist wrote about the Gaoping pig town?')).answer).toBe('《高平生猪：提振畜牧产业发展信心》 was written by 陈云华.[1]');
  });

  it('counts and lists an author’s articles asked in English, the name in pinyin', async () => {
    expect((await ask('How many stories did Zhang Caifeng write for this page?')).answer).toMatch(/^张彩峰 wrote 5 articles: 《/);
    expect((await ask('Which articles were written by Chen Yunhua?')).answer).toMatch(/^陈云华 wrote 《.*》\[1\], 《/);
  });

  it('counts the page’s authors, each with the articles signed', async () => {
    const r = await ask('这些报道一共是几位记者写的？');
    expect(r.answer).toBe('共2位：陈云华（4篇）[1]、张彩峰（5篇）[2]。');
    expect(r.citations).toHaveLength(2);
  });

  it('confirms or denies a claimed byline', async () => {
    expect((await ask('高平潞绸那篇是张彩峰写的吧？')).answer).toMatch(/^不是。《高平潞绸：.*》的作者是陈云华。\[1\]$/);
    expect((await ask('沁水黑山羊那篇报道是张彩峰写的吗？')).answer).toMatch(/^是的。/);
  });

  it('says no when the organisation asked about is in another county, with where it is', async () => {
    expect((await ask('彤康食品是阳城的企业吗？')).answer).toBe('不是。文章说：山西彤康食品有限公司位于泽州县高都镇大兴村。[1]');
  });
});

describe('English questions about a named organisation', () => {
  it('refuses a thing the corpus has no word for, showing what it states about the organisation', async () => {
    const r = await ask('What is the phone number of Tongkang Food Company?');
    expect(r.refused).toBe(true);
    expect(r.answer).toMatch(/^The articles do not state that\. What they say: /);
    // A thing an attribute family words (alcohol content) is still answered in the corpus's terms.
    expect((await ask('What is the alcohol content of Tongkang’s hawthorn dry red?')).refused).toBe(false);
  });

  it('reads "more than 90%" as a bound of a yes/no question, not a comparison', async () => {
    expect((await ask('Did Yangcheng produce more than 90% of the city’s cocoons?')).operation).toBe('yesno');
  });

  it('checks a claimed amount in English units (sheets) where that kind of amount is stated, not where the year is', async () => {
    expect((await ask('Did Yangcheng give out over 30,000 sheets of silkworm eggs in 2022?')).answer).toMatch(/^Yes\. 2022年，该县共发种3\.56万张/);
    expect((await ask('Did Yangcheng hand out more than 50,000 sheets of silkworm eggs in 2022?')).answer).toMatch(/^No\. .*3\.56万张/);
  });
});

describe('whole against part, causes, and names praised as famous, over the real page', () => {
  it('says no to a claim whose word the article says the opposite of, after the same words (生长周期短 / 生长周期长)', async () => {
    expect((await ask('沁水黑山羊长得快、生长周期短，是吧？')).answer).toMatch(/^不是。.*生长周期长/);
    expect((await ask('沁水黑山羊生长周期长吗？')).answer).toMatch(/^是的。.*生长周期长/);
    expect(saysOpposite('生长周期短吗', '活动量大，生长周期长', (w) => (w === '短' ? ['长'] : []))).toBe(true);
    expect(saysOpposite('生长周期短吗', '活动量大，生长周期短', (w) => (w === '短' ? ['长'] : []))).toBe(false);
    expect(saysOpposite('周期短吗', '个头长', (w) => (w === '短' ? ['长'] : []))).toBe(false);
  });

  it('says no to a claim about the whole (全都) where the article states a share under 100%, yes without it', async () => {
    expect((await ask('北京故宫的琉璃瓦全都是阳城造的吗？')).answer).toMatch(/^不是。.*90%为阳城制造/);
    expect((await ask('故宫的琉璃瓦是阳城造的吗？')).answer).toMatch(/^是的。.*90%为阳城制造/);
  });

  it('answers 为啥 with the sentence that gives the cause, after the one it explains', async () => {
    const r = await ask('沁水黑山羊的肉为啥好吃？');
    expect(r.answer).toMatch(/肉质鲜美[\s\S]*由于黑山羊整日穿行于丘陵山区/);
  });

  it('takes a quoted name praised as famous (是久负盛名的“太行药乡”) as an honour, and "known as" as asking one', async () => {
    expect((await ask('陵川县素有什么美称？')).answer).toMatch(/^“太行药乡”/);
    expect((await ask('What is Zezhou known as in the casting industry?')).answer).toMatch(/^“中国铸造之乡”/);
    // …and the English a user may ask it in: a nickname, dubbed, hailed as.
    expect((await ask("What poetic nickname have Tongkang's hawthorn wines earned?")).answer).toMatch(/^“太行山中的红宝石”\. 被誉为/);
  });
});

describe('a rank asked (排第一的是哪) over the real page', () => {
  it('names the town whose sentence ranks first, with the clause ranked', async () => {
    const r = await ask('2022年山西省生猪出栏量排第一的是哪个地方？');
    expect(r.answer).toMatch(/^高平生猪：生猪出栏85万头，居全省第一。/);
  });
});

describe('everyday verbs of production', () => {
  it('reads 能造 / 能酿 as the capacity asked (年产5000吨…的生产能力)', async () => {
    expect((await ask('泽州那个山楂酒厂一年能造多少酒啊？')).answer).toContain('年产5000吨山楂红酒的生产能力');
    expect((await ask('彤康一年能酿多少山楂酒？')).answer).toContain('5000吨');
  });
});

describe('colloquial words the articles never use, searched in the articles\' words', () => {
  it('finds the leading firm asked as 最牛 / 最厉害 through the 龙头 the articles say', async () => {
    expect((await ask('高平养猪哪家企业最牛？')).answer).toContain('凯永集团作为农业产业化国家重点龙头企业');
    expect((await ask('高平潞绸最厉害的企业是哪家')).answer).toMatch(/^吉利尔潞绸集团/);
  });
});

describe('members framed by a verb (由几类产品组成)', () => {
  it('counts the enumeration whose frame the question names, the framing verb no word to find', async () => {
    expect((await ask('阳城陶瓷的产业格局由几类产品组成？')).answer).toMatch(/^共4类：.*建筑瓷、日用瓷、工业瓷、琉璃制品/);
    // 主要…哪几类: the enumeration said to be the main ones (以…为主体).
    expect((await ask('阳城陶瓷现在主要做哪几类产品？')).answer).toContain('以建筑瓷、日用瓷、工业瓷、琉璃制品为主体');
    // 哪些山楂酒: the enumeration most of whose items say 山楂, from the named organisation's passages.
    expect((await ask('彤康都出了哪些山楂酒？')).answer).toMatch(/^开发产品有6度清甜山楂甜酒、8度山楂情缘、13度山楂干红、42度和54度山楂白兰地等/);
  });
});

describe('honours of one form (哪些“之乡”)', () => {
  it('lists only the honours of the form asked, and 什么之乡 asks a name', async () => {
    const r = await ask('阳城那篇说阳城是哪些“之乡”？');
    expect(r.answer).toMatch(/^“陶瓷之乡”、“琉璃之乡”\[1\]/);
    expect(r.answer).not.toContain('陶瓷名都');
    expect((await ask('阳城是什么之乡？')).answer).toContain('陶瓷之乡、琉璃之乡');
  });
});

describe('towns besides one set aside (除了…还有)', () => {
  it('lists the other towns of the county of the town set aside', async () => {
    const r = await ask('沁水除了黑山羊，还有啥专业镇上了榜？');
    expect(r.answer).toBe('沁水蜂蜜[1]。');
    expect(r.citations[0]!.town).toBe('沁水蜂蜜');
    expect((await ask('高平除了潞绸以外还有哪些专业镇')).answer).toBe('高平生猪[1]。');
  });
});

describe('English crops', () => {
  it('reads "grow" of crops as the articles\' 种植 / 栽培, not only as 生长', async () => {
    const r = await ask('What herbs does Lingchuan grow?');
    expect(r.refused).toBe(false);
    expect(r.citations[0]!.town).toBe('陵川中药材');
    expect(r.answer).toMatch(/种植|栽培/);
  });

  it('reads "located" as 位于 and "beekeepers" as 蜂农, which the dictionary glosses only in long form', async () => {
    expect((await ask('Where is Tongkang located?')).answer).toContain('位于泽州县高都镇大兴村');
    expect((await ask('How many beekeepers are there in Qinshui?')).answer).toMatch(/^1,500 households\. 全县蜂农达1500户/);
    // An adoption rate is the articles' 推广率, not 承继 (the adoption of a son).
    expect((await ask('What is the adoption rate of improved silkworm breeds in Yangcheng?')).answer).toContain('推广率达100%');
  });
});

describe('counties by their number of towns', () => {
  it('counts only the counties with the number of towns asked (各有两个专业镇)', async () => {
    const r = await ask('有几个县各有两个专业镇上榜？');
    expect(r.answer).toMatch(/^共4个：泽州（.*）、高平（.*）、阳城（.*）、沁水（.*）。$/);
    expect(r.answer).not.toContain('陵川');
    expect((await ask('几个县有专业镇上榜？')).answer).toMatch(/^共5个：/);
  });

  it('answers the same in English: which counties have two towns each, which county has only one, how many counties', async () => {
    const two = await ask('Which counties have two specialty towns each?');
    expect(two.answer).toMatch(/^Zezhou 泽州（.*）、Gaoping 高平（.*）、Yangcheng 阳城（.*）、Qinshui 沁水（.*）。$/);
    expect((await ask('Which county contributes only one of the specialty towns?')).answer).toMatch(/^Lingchuan 陵川（陵川中药材\[1\]）。$/);
    expect((await ask('How many counties are on this page?')).answer).toMatch(/^5 counties: /);
  });

  it('reads the number each county has after 各 whatever the noun (各占了两个名额)', async () => {
    const r = await ask('有几个县各占了两个名额？');
    expect(r.answer).toMatch(/^共4个：/);
    expect(r.answer).not.toContain('陵川');
  });
});

describe('each of two things (分别是多少)', () => {
  it('gives each side its own figure, found by its own words, both cited', async () => {
    const r = await ask('2022年高平生猪出栏量和阳城蚕茧产量分别是多少？');
    expect(r.answer).toBe('高平生猪：生猪出栏85万头。[1]阳城蚕桑：实现蚕茧产量167.7万公斤。[2]');
    expect(r.citations.map((c) => c.town)).toEqual(['高平生猪', '阳城蚕桑']);
  });
});

describe('an organisation named by reference back (该集团)', () => {
  it('answers who with the organisation 该集团 refers to', async () => {
    expect((await ask('潞绸织造技艺的传承人是谁')).answer).toMatch(/^吉利尔潞绸集团：作为潞绸织造技艺的唯一传承人/);
  });
});

describe('a full name asked (全称)', () => {
  it('gives the name that ends with the thing asked and starts at the place it is named after', async () => {
    const r = await ask('阳城连着办了好几届的那个陶瓷博览会全称叫什么？');
    // An event held jointly (暨) is named with both; the clause naming it is said.
    expect(r.answer).toBe('山西阳城(国际)陶瓷博览会暨陶瓷产业发展高峰论坛：连续举办了多届山西阳城(国际)陶瓷博览会暨陶瓷产业发展高峰论坛[1]。');
    // A clause describing the thing (连续办了好几届的) is not part of what is named.
    expect((await ask('阳城连续办了好几届的淘瓷博览会全称叫什么？')).answer).toMatch(/^山西阳城\(国际\)陶瓷博览会暨/);
    // (…asked after a comma too.)
    expect((await ask('阳城那个陶瓷博览会，全称是什么？')).answer).toMatch(/^山西阳城\(国际\)陶瓷博览会暨/);
  });

  it('gives a name listed among others as its whole item', async () => {
    expect((await ask('凯永那个白猪育种场，全名是什么？')).answer).toMatch(/^晋裕泽晋汾白猪育种场：/);
  });
});

describe('another name over the real page', () => {
  it('answers another name (又叫 / 别名 / another name) from 也称, not with an honour', async () => {
    expect((await ask('泽州的山楂又叫什么？')).answer).toContain('也称红果');
    const list = await ask('山楂还有什么别名？');
    expect(list.answer).toContain('红果');
    expect(list.answer).not.toContain('太行山中的红宝石');
    expect((await ask('Hawthorn in Zezhou also goes by another name. What is it?')).answer).toMatch(/^“红果”/);
    // An honour asked is still an honour.
    expect((await ask('泽州山楂有什么美誉？')).answer).toContain('太行山中的红宝石');
  });
});

describe('near misses over the real page', () => {
  it('says the day is not stated when asked which day and the article gives only a month or a year', async () => {
    const r = await ask('亚鑫工贸二期球墨铸管项目哪天正式投产？');
    expect(r.refused).toBe(true);
    expect(r.answer).toMatch(/^文章没有提到亚鑫工贸的具体日期；提到的是：今年4月.*产前调试/);
    expect((await ask('彤康公司是哪天成立的')).answer).toMatch(/具体日期.*成立于2007年/);
    // …and the month, where only the year is given.
    expect((await ask('潞绸织造技艺是在2014年的哪个月列入国家级非遗的？')).answer).toMatch(/^文章没有提到高平潞绸的具体月份；提到的是：.*2014年被列为国家级非物质文化遗产/);
    expect((await ask('彤康公司是哪年成立的')).answer).toMatch(/2007年/);
  });

  it('says the other members of a set named by its number are not listed when its sentence names fewer (四大名蜜中荆条蜂蜜、刺槐蜂蜜)', async () => {
    const honey = await ask('中国四大名蜜里除了荆条蜜和刺槐蜜，还有哪两种？');
    expect(honey.refused).toBe(true);
    expect(honey.answer).toMatch(/^文章没有提到四大名蜜的其他成员；提到的是：.*四大名蜜中荆条蜂蜜、刺槐蜂蜜/);
    expect((await ask('全国八大红果产地除了泽州，另外七个是哪些？')).refused).toBe(true);
    // A set whose sentence lists all its members is answered.
    expect((await ask('彤康的四大板块除了基地建设还有哪些')).answer).toContain('山楂饮料厂、小杂粮加工、豆制品加工和基地建设');
  });

  it('says the members are not listed when a set named by its number (陵五味) is asked member by member, and the edition when only 多届 is said', async () => {
    const set = await ask('“陵五味”都包括哪五味？');
    expect(set.refused).toBe(true);
    expect(set.answer).toMatch(/^文章没有提到陵五味的具体名称；提到的是：“陵五味”名物业内/);
    const edition = await ask('陶博会已经举办到第几届？');
    expect(edition.refused).toBe(true);
    expect(edition.answer).toMatch(/具体届次.*连续举办了多届/);
    expect((await ask('阳城陶瓷博览会办过几届？')).answer).toMatch(/^文章没有提到.*的具体届数；提到的是：.*连续举办了多届/);
    // …and a claim that it happened once is not borne out.
    expect((await ask('阳城的陶瓷博览会只办过一次吗？')).answer).toMatch(/^不是。.*连续举办了多届/);
    // A plain count (两个专业镇) is not a set name: the two towns are answered.
    const towns = await ask('阳城县入选的两个专业镇是哪两个');
    expect(towns.refused).toBe(false);
    expect(towns.answer).toMatch(/蚕桑[\s\S]*陶瓷琉璃|陶瓷琉璃[\s\S]*蚕桑/);
    // A person's name asked by a role the articles never name (创始人叫什么名字), not a thing's (品种叫什么).
    expect((await ask('吉利尔潞绸集团创始人的名字叫什么？')).answer).toMatch(/^文章没有提到吉利尔潞绸的创始人；提到的是：吉利尔潞绸集团创始于1958年/);
    expect((await ask('高平引进的白猪品种叫什么？')).answer).toMatch(/晋汾白猪/);
    // A set counted in the question (那8个乡镇) whose members no sentence lists.
    expect((await ask('2022年阳城养蚕的户分布在哪8个乡镇？')).refused).toBe(true);
    const townships = await ask('2022年阳城养蚕的那8个乡镇分别是哪些？');
    expect(townships.refused).toBe(true);
    expect(townships.answer).toMatch(/^文章没有提到阳城蚕桑的具体名称；提到的是：2022年，全县共有8个乡镇45个行政村/);
  });

  it('says the growth is not stated when asked against last year and the passages give only the amount', async () => {
    const r = await ask('陵川中药材产值比去年增长了多少？');
    expect(r.refused).toBe(true);
    expect(r.answer).toMatch(/^文章没有提到陵川中药材的增长幅度；提到的是：.*年产值突破5.28亿元\[1\]/);
    expect((await ask("By how much did Lingchuan's herb output value grow over last year?")).refused).toBe(true);
    // A growth the article states (户均增收6653元) is answered.
    expect((await ask('阳城蚕农户均增收多少？')).answer).toContain('户均增收6653元');
  });

  it('says which organisation is not named when the passage names none, and names the maker when it does', async () => {
    const r = await ask('故宫用的琉璃瓦是阳城哪一家烧出来的？');
    expect(r.refused).toBe(true);
    expect(r.answer).toMatch(/^文章没有提到阳城陶瓷琉璃\(珐华\)的具体单位；提到的是：.*90%为阳城制造/);
    expect((await ask('阳城哪家企业的茶具进了人民大会堂？')).answer).toContain('阳城陶瓷厂');
    // A department or agency asked (哪个部门, which department) is an organisation asked too.
    const department = await ask('晋城首批市级专业镇是哪个单位评的');
    expect(department.refused).toBe(true);
    expect(department.answer).toMatch(/^文章没有提到.*的具体单位；提到的是：.*入选晋城首批市级专业镇/);
    expect((await ask('Which department selected the first batch of municipal specialty towns?')).refused).toBe(true);
  });

  it('takes a family workshop (乔氏琉璃) as a named maker, and a corpus word cut before a locative (潞绸园里) as that word', async () => {
    const maker = await ask('「北有後則腰」說的是哪家琉璃？');
    expect(maker.refused).toBe(false);
    expect(maker.answer).toContain('乔氏琉璃');
    const park = await ask('高平潞绸园里都能干些什么？');
    expect(park.refused).toBe(false);
    expect(park.answer).toContain('潞绸园');
  });

  it('names a price not stated as the price, and shows a money figure the articles do state', async () => {
    const r = await ask('泽州山楂红酒多少钱一瓶？');
    expect(r.refused).toBe(true);
    expect(r.answer).toMatch(/^文章没有提到泽州山楂红酒的价格；提到的是：.*元\[1\]。$/);
  });

  it('refuses a figure in a measure no article uses, showing what is stated', async () => {
    const r = await ask('阳城乔氏琉璃一年能产多少件？');
    expect(r.refused).toBe(true);
    expect(r.answer).toMatch(/^文章没有提到.*的具体数字；提到的是：/);
    expect(r.answer).not.toMatch(/\d件/);
  });

  it('shows what the articles state about a named town or organisation when it refuses, naming what they do not', async () => {
    const r = await ask('高平潞绸每年出口多少匹？');
    expect(r.refused).toBe(true);
    expect(r.answer).toMatch(/^文章没有提到高平潞绸的出口；提到的是：/);
    expect(r.related?.length).toBeGreaterThan(0);
    expect((await ask('凯永集团的总经理叫什么名字？')).answer).toMatch(/^文章没有提到凯永的总经理；/);
  });

  it('does not answer a money attribute with a count of firms, and names what is missing', async () => {
    const r = await ask('泽州的铸造企业每年产值有多少？');
    expect(r.refused).toBe(true);
    expect(r.answer).toMatch(/^文章没有提到泽州精密铸造的产值；提到的是：拥有铸造企业30家\[1\]/);
    expect(r.citations.map((c) => c.n)).toEqual([1]);
  });
});

describe('paraphrases through the dictionary', () => {
  it('gives a word the articles never use its CC-CEDICT paraphrases among the corpus words, and a corpus word none', () => {
    const o = composeOptions(searcher, '沁水有多少人家养蜜蜂？', ['沁水', '养蜜蜂']);
    expect(o.forms?.('养蜜蜂').map((f) => f.form)).toContain('养蜂');
    expect(o.forms?.('沁水')).toEqual([]);
  });
});

describe('scope near misses over the real page', () => {
  it('refuses a rank asked for another scope than the article gives, showing what it gives', async () => {
    const r = await ask('高平的生猪出栏在全国能排第几名？');
    expect(r.refused).toBe(true);
    expect(r.answer).toMatch(/^文章没有提到高平生猪在全国的情况；提到的是：.*居全省第一\[1\]。$/);
    expect((await ask('高平的生猪出栏在全省能排第几名？')).answer).toContain('居全省第一');
  });

  it('prefers the sentence saying where when asked where by a phrase alone (开在什么地方 -> 位于)', async () => {
    expect((await ask('彤康公司开在什么地方？')).answer).toContain('高都镇大兴村');
  });

  it('counts the households asked although the question says they earn (多少农户一起赚钱), and a verb after them qualifies nothing', async () => {
    expect((await ask('彤康带着多少农户一起赚钱？')).answer).toBe('带动了30多个行政村4万多农户致富。[1]');
  });

  it('lists what an organisation mainly deals in, written contracted in the article (主要经营 -> 主营)', async () => {
    expect((await ask('吉利尔主要经营哪几样东西？')).answer).toContain('新娘绸缎被、高端丝绸面料');
  });

  it('counts the main kinds an enumeration names as the main body (由几大类构成 -> 以…为主体), in the classifier asked', async () => {
    expect((await ask('阳城陶瓷的产业格局由几大类产品组成？')).answer).toMatch(/^共4类：.*建筑瓷、日用瓷、工业瓷、琉璃制品/);
  });

  it('compares ages by both sides\' stated years when one side also states a duration (65年来 / 创始于1958年)', async () => {
    expect((await ask('吉利尔和彤康比，谁的历史更久？')).answer).toMatch(/^吉利尔.*更久：.*1958年\[1\].*2007年\[2\]。$/);
  });

  it('compares two shares of one clause offered as alternatives, both shares of the same thing', async () => {
    expect((await ask('阳城的蚕茧产量，占全市的比重高还是占全省的比重高？')).answer).toBe('占全市的比重更高：养蚕张数、蚕茧产量占全市总量的90.7%[1]；占全省的比重：占全省总量的86.8%[1]。');
  });

  it('reads an English verb in its corpus word when its first sense is a word terms drop (produce: 生产, not 做)', async () => {
    expect((await ask('How much hawthorn wine can Zezhou produce a year?')).answer).toMatch(/^5,000 tonnes\. 现已具备年产5000吨山楂红酒的生产能力。\[1\]$/);
  });

  it('finds an English phrase the article writes contracted (main producing area -> 主产区)', async () => {
    expect((await ask('Which honeys is Qinshui a main producing area of?')).answer).toContain('荆条蜂蜜、刺槐蜂蜜主产区');
  });

  it('lists every phrase bearing a quoted term, under its county when places are asked', async () => {
    expect((await ask('这版报道里带“首个”字样的都有哪些？')).answer).toMatch(/^共\d+处：.*数字化智能蜂场/);
    const places = await ask('哪几个县有被叫作“大县”的？');
    expect(places.answer).toMatch(/^共3处：高平：.*全国生猪调出大县.*；沁水：/);
    expect(places.citations.length).toBe(3);
  });

  it('finds a large figure an English question gives in digits where the article writes 万 (200,000 -> 20万)', async () => {
    expect((await ask('When did the black goat stock of Qinshui reach 200,000?')).answer).toMatch(/^in 2021\. .*20万只/);
  });

  it('reads sheets of silkworm eggs in the unit the article counts them in (张), said in English', async () => {
    expect((await ask('How many sheets of silkworm eggs were handed out in Yangcheng?')).answer).toBe('35,600 sheets. 该县共发种3.56万张。[1]');
  });

  it('answers by the unit asked when the verb by the question word is one the articles never use (能整出多少吨)', async () => {
    expect((await ask('彤康一年最多能弄出多少吨山楂酒？')).answer).toBe('现已具备年产5000吨山楂红酒的生产能力。[1]');
  });

  it('says one member\'s figure is not stated when only the whole set\'s is (光连翘一项 against 各类中药材)', async () => {
    const r = await ask('陵川单党参一种的种植面积有多大？');
    expect(r.refused).toBe(true);
    expect(r.answer).toMatch(/^文章没有提到党参单独的面积；提到的是：.*各类中药材.*40\.1万亩/);
    expect((await ask('陵川中药材种植面积有多大？')).answer).toContain('40.1万亩');
    // (…said with 是 and 这一种, and the member's place before it.)
    expect((await ask('光是陵川党参这一种，种植面积有多大？')).answer).toMatch(/^文章没有提到党参单独的/);
    // A member the sentence names only among the set's items (涉及金属制品、机械设备…等12大类) has no figure of its own.
    expect((await ask('泽州铸造的注册商标中，机械设备类的占多少个？')).refused).toBe(true);
    const listed = await ask('泽州铸造的注册商标中，金属制品类有多少个？');
    expect(listed.refused).toBe(true);
    expect(listed.answer).toMatch(/^文章没有提到金属制品单独的具体数字；提到的是：.*各类注册商标31个/);
  });

  it('reads each side in the measure it names or ends on (商标的个数 against 企业的家数; 农户 against 人数)', async () => {
    expect((await ask('泽州铸造那块，商标的个数和企业的家数，哪个多？')).answer).toMatch(/^商标的个数更多：.*31个\[1\].*30家\[1\]。$/);
    expect((await ask('彤康带动的农户和陵川覆盖的群众，哪边人数多？')).answer).toContain('4万多农户');
  });

  it('counts the bearers of a quoted term, each once however often it is named', async () => {
    expect((await ask('名字里带“有限公司”的企业一共有几家？')).answer).toMatch(/^共2家：.*亚鑫工贸有限公司.*彤康食品有限公司/);
  });

  it('answers no to a claim that one of several listed things is the only one (只生产建筑瓷吗)', async () => {
    expect((await ask('阳城陶瓷现在只生产建筑瓷吗？')).answer).toBe('不是。进入21世纪后，已形成了以建筑瓷、日用瓷、工业瓷、琉璃制品为主体的产业格局[1]。');
  });

  it('says a person asked by a role the articles never name is not stated, and still answers whose thing it is', async () => {
    const r = await ask('彤康公司的董事长是谁？');
    expect(r.refused).toBe(true);
    expect(r.answer).toMatch(/^文章没有提到彤康.*的董事长；提到的是：/);
    expect((await ask('后则腰村出的琉璃是谁家的？')).answer).toContain('乔氏琉璃');
  });

  it('says a place below the county is not stated when no leading sentence names one, and answers where one does', async () => {
    const r = await ask('阳城那个果桑基地建在哪个村？');
    expect(r.refused).toBe(true);
    expect(r.answer).toMatch(/^文章没有提到阳城蚕桑的具体地点；提到的是：/);
    expect((await ask('乔氏琉璃在哪个村？')).answer).toContain('后则腰村');
    expect((await ask('沁水黑山羊饲养量达到20万只是在哪一年？')).answer).toContain('2021年');
  });

  it('reads colloquial words for an honour given (被人夸成啥, 管它叫啥) as asking the honours', async () => {
    expect((await ask('彤康的山楂酒被大家夸成什么了？')).answer).toContain('太行山中的红宝石');
  });

  it('reads number one as 第一 and called as the honours, not the dictionary\'s transliteration (南波万)', async () => {
    expect((await ask("What is Qinshui called as Shanxi's number one?")).answer).toContain('山西第一养蜂大县');
  });

  it('answers which county in English with the county in pinyin first', async () => {
    expect((await ask("Which county is known as Shanxi's number one beekeeping county?")).answer).toMatch(/^Qinshui \(沁水\): .*山西第一养蜂大县/);
  });

  it('takes 养猪 beside 高平 for the pig town of the county, not its silk town', async () => {
    expect((await ask('高平养猪的龙头企业是哪家？')).answer).toMatch(/^凯永集团/);
  });

  it('lists the people a clause names when the enumeration before it answers nothing asked', async () => {
    expect((await ask('沁水养羊协会组织了哪些人定期到养羊户中做指导？')).answer).toContain('畜牧专家和专业技术人员');
  });

  it('reads a province named as the scope of a rank as the 全省 the article writes, and finds the ranking clause', async () => {
    expect((await ask('高平生猪出栏量在山西排第几？')).answer).toBe('2022年，生猪出栏85万头，居全省第一。[1]');
    expect((await ask('高平生猪出栏在国内排第几？')).refused).toBe(true);
  });
});

describe('namedEntities', () => {
  it('keeps the longest organisation name found, not the names inside it', () => {
    expect(namedEntities('吉利尔潞绸集团哪年成立？', ['吉利尔', '吉利尔潞绸', '彤康'])).toEqual(['吉利尔潞绸']);
    expect(namedEntities('高平有多少头猪？', ['吉利尔', '彤康'])).toEqual([]);
  });
});

describe('a side naming the measure it counts in', () => {
  it('keeps that measure (大类数: 12大类, not the 31个 trademarks of its sentence) and compares two counts as numbers', async () => {
    const r = await ask('陵川的药养品牌数量和泽州铸造商标涉及的大类数比，哪个多？');
    expect(r.answer).toMatch(/一样多/);
    expect(r.answer).toContain('12大类');
    expect(r.answer).toContain('12大“药养品牌”');
    expect(r.answer).not.toContain('31个');
  });
});

describe('a chain of links (——)', () => {
  it('counts the links of the chain when asked counting (数下来有几个环节), not a shorter list with 数字化 in it', async () => {
    expect((await ask('凯永那条生猪全产业链，从头数下来有几个环节？')).answer).toMatch(/^共7个：/);
  });
  it('lists the links asked in order (依次是什么)', async () => {
    const r = await ask('以凯永集团为龙头的那条生猪全产业链，各环节依次是什么？');
    expect(r.answer).toContain('饲料加工——核心育种——种猪扩繁——生猪繁育——生猪屠宰——无害化处理——有机肥加工');
  });
});

describe('which one (哪一家) is no rate per firm', () => {
  it('ranks the founding years of the page for 最早成立的是哪一家, as for 哪家', async () => {
    expect((await ask('版面上的企业里，最早成立的是哪一家？')).answer).toMatch(/^吉利尔潞绸集团最早：.*1958年/);
  });
});
