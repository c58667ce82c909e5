// The benchmark corpus: deterministic support replies and angry customer
// messages, the same for every tool that bench/run.mjs times. It is made from
// fixed sentence pools with a seeded generator, so every run sees identical
// texts; nothing is random between runs or machines.
//
//   node bench/texts.mjs > /tmp/corpus.json   # what rapport_bench --corpus reads
//
// Shape: { generator, customerName, agentName, customerMessages: [4 strings],
//          drafts: [{ size, variants: [a, b] }] }, sizes in characters.
// variants[1] is variants[0] one keystroke earlier (its last character not yet
// typed): alternating them is what an agent typing looks like to the core.

import { fileURLToPath } from 'node:url';

const DRAFT_SIZES = [500, 2000, 10000];
const MESSAGE_SIZE = 500;
const MESSAGE_COUNT = 4;
const CUSTOMER_NAME = 'Maria Lopez';
const AGENT_NAME = 'Sam Ortiz';

// mulberry32: a small seeded generator, enough to pick sentences.
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FACTS = {
  order: ['#48213', '#51907', '#39466', '#60125'],
  product: ['standing desk', 'espresso machine', 'winter jacket', 'pair of headphones'],
  days: ['nine days', 'twelve days', 'two weeks', 'three weeks'],
  carrier: ['our courier', 'the parcel service', 'the freight partner', 'the local carrier'],
};

const MESSAGE_SENTENCES = [
  'This is the THIRD time I am writing about order {order} and I am done being patient.',
  'I paid for express shipping {days} ago and my {product} still has not arrived.',
  'Your tracking page has said "in transit" for a week, which tells me nothing.',
  'Nobody has answered my last two emails, not even an automatic reply!!',
  'I called your hotline yesterday, waited 40 minutes on hold and then got cut off.',
  'This is absolutely unacceptable for a company that charges these prices.',
  'I needed the {product} for my work this week and now I have to rent one.',
  'If it is not delivered by Friday I want a full refund and I will dispute the charge.',
  'I have been a customer for six years and I have never been treated like this.',
  'Honestly I am about to cancel my account and tell everyone I know to shop elsewhere.',
  'Where is my order? I want a real answer from a real person, not another template.',
  'Please do not tell me to wait another 3-5 business days.',
];

const GREETINGS = ['Hi {name},', 'Hello {name},', 'Dear {name},'];

const APOLOGIES = [
  "I'm so sorry you've had to write to us three times about order {order}.",
  'I completely understand how frustrating it is to wait this long for your {product}.',
  'You should have heard back from us days ago, and I apologize that you did not.',
  "I'm sorry about the hold time on the phone yesterday; that is not the service we want to give.",
];

const EXPLANATIONS = [
  'I looked into order {order} myself this morning, and I can see exactly what happened.',
  'Your {product} left our warehouse on time, but {carrier} held it at the regional depot because the label was damaged.',
  'The tracking page did not update while the parcel was held, which is why it showed "in transit" for so long.',
  'Our system also marked your earlier emails as answered by mistake, so they never reached an agent.',
  'I have already spoken with {carrier}, and they confirmed the parcel is now relabelled and cleared.',
  'Because you paid for express shipping, the delay is entirely on our side, not yours.',
  'I have flagged the label problem to our warehouse team so it does not happen on other orders.',
  'Orders from that depot were affected for about {days}, and we are contacting every customer involved.',
  'Your account and payment details are fine; nothing needs to change on your end.',
  'I know a clear answer is what you needed from the start, so here is everything in one place.',
];

const STEPS = [
  'I will ship a replacement {product} today by express courier at no cost to you.',
  'You will receive the new tracking number by email before 5 pm today.',
  'When the original parcel reaches you, you can refuse it at the door or keep it aside and we will collect it.',
  'I have refunded the express shipping fee to your card; it should appear within 3 business days.',
  'I have also added a 10% credit to your account for your next order.',
  'If the replacement has not arrived by Friday, reply to this email and I will refund the order in full straight away.',
  'To check the delivery yourself, open the tracking link, enter order {order}, and choose "notify me" for text updates.',
  'If you prefer a refund instead of a replacement, just reply "refund" and I will process it the same day.',
];

const PROACTIVE = [
  'I will personally keep an eye on this shipment until it is at your door.',
  'I have noted your preferred contact by email, so you will not need to call again.',
  'I will check in with you on Thursday to make sure everything arrived in good condition.',
  'You do not need to do anything else right now; I will take it from here.',
];

const CLOSINGS = [
  'Thank you for your patience, and again, I am sorry for the trouble.',
  'If there is anything else I can do, just reply to this email and it will come straight to me.',
  'Thanks for giving us the chance to put this right.',
];

const STEP_INTROS = ['Here is what happens next:', 'This is what I have done:', 'Your options from here:'];

const SIGN_OFFS = ['Best regards,\n{agent}', 'Kind regards,\n{agent}', 'Warm wishes,\n{agent}'];

function fill(template, facts) {
  return template.replace(/\{(\w+)\}/g, (_, key) => facts[key]);
}

function pick(random, pool) {
  return pool[Math.floor(random() * pool.length)];
}

// The facts of case i: its order, product, delay and carrier.
function factsOf(i) {
  return {
    name: CUSTOMER_NAME.split(' ')[0],
    agent: AGENT_NAME.split(' ')[0],
    order: FACTS.order[i % FACTS.order.length],
    product: FACTS.product[i % FACTS.product.length],
    days: FACTS.days[i % FACTS.days.length],
    carrier: FACTS.carrier[i % FACTS.carrier.length],
  };
}

// About MESSAGE_SIZE characters of an angry customer, from sentences in a
// shuffled order.
function customerMessage(i) {
  const random = generator(1000 + i);
  const facts = factsOf(i);
  const pool = MESSAGE_SENTENCES.map((s) => fill(s, facts));
  const sentences = [];
  let length = 0;
  while (length < MESSAGE_SIZE - 40 && pool.length > 0) {
    const [s] = pool.splice(Math.floor(random() * pool.length), 1);
    sentences.push(s);
    length += s.length + 1;
  }
  return sentences.join(' ');
}

// Draws from a pool in a shuffled order, reshuffling when it runs out, so a
// sentence comes back only after all the others.
function deck(random, pool) {
  let order = [];
  return () => {
    if (order.length === 0) {
      order = pool.map((s) => [random(), s]).sort((a, b) => a[0] - b[0]).map(([, s]) => s);
    }
    return order.pop();
  };
}

// About `room` characters of body: paragraphs of explanations, numbered
// steps and proactive lines, cut at the sentence end nearest to `room`.
function body(random, facts, room) {
  const draw = (d) => fill(d(), facts);
  const explanations = deck(random, EXPLANATIONS);
  const steps = deck(random, STEPS);
  const intros = deck(random, STEP_INTROS);
  const proactive = deck(random, PROACTIVE);
  let text = '';
  const cuts = [];
  const add = (piece, separator, isSentence = true) => {
    text += (text === '' ? '' : separator) + piece;
    if (isSentence) cuts.push(text.length);
  };
  while (text.length < room) {
    const kind = random();
    if (kind < 0.45) {
      add(draw(explanations), '\n\n');
      for (let n = 1 + Math.floor(random() * 2); n > 0; n--) add(draw(explanations), ' ');
    } else if (kind < 0.8) {
      add(draw(intros), '\n\n', false);
      for (let n = 1; n <= 3 + Math.floor(random() * 2); n++) add(`${n}. ${draw(steps)}`, '\n');
    } else {
      add(draw(proactive), '\n\n');
    }
  }
  const nearest = cuts.reduce((a, b) => (Math.abs(b - room) < Math.abs(a - room) ? b : a));
  return text.slice(0, nearest);
}

// A reply of about `size` characters: greeting, apology, body, closing and
// sign-off, separated by blank lines.
function draft(size) {
  const random = generator(size);
  const facts = factsOf(0);
  const head = [fill(pick(random, GREETINGS), facts), fill(pick(random, APOLOGIES), facts)];
  const tail = [fill(pick(random, CLOSINGS), facts), fill(pick(random, SIGN_OFFS), facts)];
  const room = size - [...head, '', ...tail].join('\n\n').length;
  return [...head, body(random, facts, room), ...tail].join('\n\n');
}

export function buildCorpus() {
  return {
    generator: 'bench/texts.mjs',
    customerName: CUSTOMER_NAME,
    agentName: AGENT_NAME,
    customerMessages: Array.from({ length: MESSAGE_COUNT }, (_, i) => customerMessage(i)),
    drafts: DRAFT_SIZES.map((size) => {
      const text = draft(size);
      return { size, variants: [text, text.slice(0, -1)] };
    }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(buildCorpus(), null, 1)}\n`);
}
