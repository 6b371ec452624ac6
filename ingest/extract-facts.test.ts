import { describe, expect, it } from 'vitest';
import { parseChineseNumeral } from './chinese-numbers.js';
import { readFileSync } from 'node:fs';
import { enumerationItems, enumerations, extractFacts, extractFigures, splitClauses } from './extract-facts.js';

describe('extractFacts', () => {
  it('normalises quantities with 万 and their unit family, with the attribute words before them', () => {
    const [time, pigs] = extractFacts('2022年，生猪出栏85万头，居全省第一；', 0);
    expect(time).toMatchObject({ kind: 'time', value: 2022, family: 'year' });
    expect(pigs).toMatchObject({ kind: 'quantity', text: '85万头', value: 850000, family: 'animals', before: '生猪出栏', when: '2022年' });
    expect(extractFacts('2022年，生猪出栏85万头，居全省第一；', 0).some((f) => f.kind === 'rank' && f.text === '居全省第一')).toBe(true);
  });

  it('reads money in 亿元 and approximate amounts', () => {
    const facts = extractFacts('总投资3.5亿元的项目，带动了30多个行政村4万多农户致富。', 0).filter((f) => f.kind === 'quantity');
    expect(facts.map((f) => [f.text, f.value, f.family, f.approx])).toEqual([
      ['3.5亿元', 350000000, 'money', false],
      ['30多个', 30, 'items', true],
      ['4万多', 40000, 'households', true],
    ]);
  });

  it('types a count without a measure word by the noun it counts (households, people), and 上千 as round', () => {
    const facts = (text: string) => extractFacts(text, 0).filter((f) => f.kind === 'quantity');
    expect(facts('全镇带动2万多养殖户增收')[0]).toMatchObject({ value: 20000, family: 'households', approx: true });
    expect(facts('惠及3万多村民')[0]).toMatchObject({ value: 30000, family: 'people' });
    expect(facts('建成2万多平方的厂房')[0]).toMatchObject({ family: 'count' });
    expect(facts('吸纳上千名工人')[0]).toMatchObject({ value: 1000, family: 'people', approx: true });
    // After 大 the classifier is part of the noun: 四大名茶 counts teas, not people.
    expect(facts('是全国四大名茶之一')[0]).toMatchObject({ value: 4, family: 'items' });
    expect(facts('建成全省第一个智能蜂场')).toEqual([]);
  });

  it('tells years, eras and durations apart', () => {
    const facts = extractFacts('栽培历史已有300多年，唐代曾是产地中心，20世纪70年代被选用，成立于2007年。', 0);
    expect(facts.filter((f) => f.kind === 'time').map((f) => [f.text, f.value, f.role])).toEqual([
      ['唐代', 618, ''],
      ['20世纪70年代', 1970, ''],
      ['2007年', 2007, ''],
      ['成立于2007年', 2007, 'founding'],
    ]);
    expect(facts.find((f) => f.family === 'duration')).toMatchObject({ value: 300, approx: true });
  });

  it('finds honours in their frames, with the quoted names as items', () => {
    const honours = extractFacts('沁水县有“中国蜜蜂之乡”和“山西第一养蜂大县”之称。', 0).filter((f) => f.kind === 'honour');
    expect(honours.map((h) => h.items)).toEqual([['中国蜜蜂之乡', '山西第一养蜂大县']]);
    const granted = extractFacts('先后被协会授予“中国建筑陶瓷生产基地”“中国建筑琉璃之乡”称号。', 0).filter((f) => f.kind === 'honour');
    expect(granted[0]!.items).toEqual(['中国建筑陶瓷生产基地', '中国建筑琉璃之乡']);
    const famed = extractFacts('陵川县是久负盛名的“太行药乡”，中药材种类多达521种。', 0).filter((f) => f.kind === 'honour');
    expect(famed.map((h) => h.items)).toEqual([['太行药乡']]);
  });

  it('finds another name said with 也称 / 又名 as a name, unquoted', () => {
    const names = (s: string) => extractFacts(s, 0).filter((f) => f.kind === 'name').map((f) => f.items[0]);
    expect(names('特别是以盛产山楂（也称红果）闻名全国。')).toEqual(['红果']);
    expect(names('马铃薯又名土豆，产量很高。')).toEqual(['土豆']);
    expect(names('山楂产量很高。')).toEqual([]);
  });
});

describe('extractFigures', () => {
  it("gives extractFacts's quantities and times, field for field and in order, on every line of the bundled articles and on questions", () => {
    const lines = readFileSync('data/articles/jincheng-specialty-towns-page1.txt', 'utf8').split('\n').filter((l) => l.trim());
    const texts = [...lines, '阳城蚕桑上万户吗？', '沁水黑山羊2021年出栏了20万只吗', '宋代就有了吗', '那30来家合作社有多少社员'];
    let figures = 0;
    texts.forEach((text, i) => {
      const want = extractFacts(text, i).filter((f) => f.kind === 'quantity' || f.kind === 'time');
      expect(extractFigures(text, i)).toEqual(want);
      figures += want.length;
    });
    expect(figures).toBeGreaterThan(50);
  });
});

describe('text helpers', () => {
  it('splits clauses outside quotes only, losing nothing', () => {
    const s = '以“一辈子只干好一件事，养好每头猪”为理念，先后在河西镇建立项目。';
    expect(splitClauses(s)).toEqual(['以“一辈子只干好一件事，养好每头猪”为理念，', '先后在河西镇建立项目。']);
    expect(splitClauses(s).join('')).toBe(s);
  });

  it('lists the items of an enumeration', () => {
    expect(enumerationItems('创新开发出连翘药茶、黄芩苷、中药饮片、中药牙膏、中药化妆品等深加工产品，')).toEqual(['连翘药茶', '黄芩苷', '中药饮片', '中药牙膏', '中药化妆品']);
    // A name set after a dash at its clause's end is a name.
    expect(extractFacts('引进山西省唯一的国审白猪品种——晋汾白猪，积极构建体系。', 0).filter((f) => f.kind === 'name').map((f) => f.items)).toEqual([['晋汾白猪']]);
    // One quotation listing its parts, by 、 or +: the parts, not the words around the quotation.
    expect(enumerationItems('确定了“规范大田、开发山地、保护野生、利用庭院”的建设总体思路，')).toEqual(['规范大田', '开发山地', '保护野生', '利用庭院']);
    expect(enumerationItems('采用“公司+合作社+基地+农户+市场”的经营模式，')).toEqual(['公司', '合作社', '基地', '农户', '市场']);
    // The frame around the items (集…于一体, 以…为主体) is not part of them.
    expect(enumerationItems('打造集工业化生产、潞绸产品体验、潞绸文化展示、潞绸织造研学基地于一体的综合性产业园区。')).toEqual(['工业化生产', '潞绸产品体验', '潞绸文化展示', '潞绸织造研学基地']);
    expect(enumerationItems('已形成了以建筑瓷、日用瓷、工业瓷、琉璃制品为主体的产业格局。')).toEqual(['建筑瓷', '日用瓷', '工业瓷', '琉璃制品']);
    expect(enumerationItems('没有并列的句子。')).toEqual([]);
    // 从A、B到C: 到 joins the last item.
    expect(enumerationItems('形成了从选种、育苗到加工的完整链条。')).toEqual(['选种', '育苗', '加工的完整链条']);
    // 集A、B于一体: the first item starts after 集, though it holds a frame character (研发).
    expect(enumerationItems('形成集产品研发、种植、加工等为一体的产业链。')).toEqual(['产品研发', '种植', '加工']);
  });

  it('cuts two enumerations of one clause at the 等 that closes the first', () => {
    const lists = enumerations('先后在甲镇、乙乡、丙镇等地建立某某养殖、某某科技、某某食品等多个项目，');
    expect(lists.map((l) => l.items)).toEqual([['甲镇', '乙乡', '丙镇'], ['某某养殖', '某某科技', '某某食品']]);
    expect(lists[1]!.start).toBe(lists[0]!.end);
    expect(enumerations('开发出药茶、饮片、牙膏等深加工产品，').map((l) => l.items)).toEqual([['药茶', '饮片', '牙膏']]);
  });

  it('ends a list at a middle 等 followed by its kind (…等试验、示范项目), not at the 等 of a word', () => {
    expect(enumerations('开展甲课题、乙选育、丙技术推广等试验、示范项目，').map((l) => l.items)).toEqual([['开展甲课题', '乙选育', '丙技术推广']]);
    expect(enumerations('联合甲大学、乙高等专科学校、丙学院，').map((l) => l.items)).toEqual([['联合甲大学', '乙高等专科学校', '丙学院']]);
  });

  it('reads administrative levels said together (省、市两级, 县、乡、村三级) as one modifier, not an enumeration', () => {
    expect(enumerations('借着省、市两级建设专业镇的机会，')).toEqual([]);
    expect(enumerations('推进省、市级产业园项目建设，')).toEqual([]);
    expect(enumerations('建立县、乡、村三级服务体系，')).toEqual([]);
    expect(enumerations('覆盖省、市、县各地，').map((l) => l.items.length)).toEqual([3]);
  });

  it('takes a title in book-title marks as a name', () => {
    const names = extractFacts('今年，高平出台《关于推进现代农业产业高质量发展的三年扶持政策》，', 0).filter((f) => f.kind === 'name');
    expect(names.map((f) => f.items)).toEqual([['关于推进现代农业产业高质量发展的三年扶持政策']]);
  });

  it('reads Chinese numerals', () => {
    expect([parseChineseNumeral('三百二十'), parseChineseNumeral('十二'), parseChineseNumeral('两'), parseChineseNumeral('上千'), parseChineseNumeral('山')]).toEqual([320, 12, 2, 1000, null]);
  });
});
