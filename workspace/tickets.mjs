// Sample tickets for the local workspace. Conversation entries follow the
// shape seen in public code for client.get('ticket.conversation'):
// { author: { id, name, role }, message: { content, contentType }, channel: { name }, timestamp }.

const AGENT = { id: 9001, name: 'Sam Rivera' };

const ago = (hours) => new Date(Date.UTC(2026, 0, 15, 12) - hours * 3_600_000).toISOString();
const customer = (requester, text, hours) => ({
  author: { id: requester.id, name: requester.name, role: 'end-user' },
  message: { content: text, contentType: 'text/plain' },
  channel: { name: 'email' },
  timestamp: ago(hours),
});
const agent = (text, hours, internal = false) => ({
  author: { id: AGENT.id, name: AGENT.name, role: 'agent' },
  message: { content: text, contentType: 'text/plain' },
  channel: { name: internal ? 'internal' : 'email' },
  internal,
  timestamp: ago(hours),
});

const maria = { id: 101, name: 'Maria Lopez', email: 'maria.lopez@example.com' };
const dev = { id: 102, name: 'Dev Patel', email: 'dev@northwind.example.com' };
const aiko = { id: 103, name: 'Aiko Tanaka', email: 'aiko.tanaka@example.com' };
const jordan = { id: 104, name: 'Jordan Smith', email: 'jordan@example.com' };

export const TICKETS = {
  angry: {
    id: 48213,
    label: 'Angry repeat contact',
    subject: 'Order #48213 still not here (third time asking)',
    requester: maria,
    conversation: [
      customer(maria, 'Hi, my order #48213 was supposed to arrive last Monday. Can you tell me where it is?', 120),
      customer(maria, 'Hello? It has been three days and no answer. Where is order #48213?', 48),
      customer(maria,
        "This is the THIRD time I'm writing about order #48213. It still hasn't arrived and nobody has replied to my emails. This is absolutely unacceptable!! If it isn't here by Friday I'm cancelling my account.", 1),
    ],
    sampleDraft:
      'Hi Maria,\n\nI looked into order #48213: it was held at our warehouse because of a labelling error. I have shipped it by express this morning, and it will arrive by Thursday. Here is the tracking link: TRK-55120.\n\nI will check on it again on Wednesday and email you an update.',
  },
  outage: {
    id: 50117,
    label: 'Urgent outage',
    subject: 'URGENT: dashboard down for our whole team',
    requester: dev,
    conversation: [
      customer(dev,
        "Our whole team can't log in to the dashboard since 9:40 this morning, we only get a 502 error. We have a client demo at 2 pm today. Please help ASAP, this is urgent!", 0.5),
    ],
    sampleDraft:
      "Hi Dev,\n\nThanks for the quick report. We're seeing the 502 errors too, and our engineers are working on it right now.\n\nI'll email you an update within 30 minutes.",
  },
  polite: {
    id: 50231,
    label: 'Polite question',
    subject: "Exporting last year's invoices",
    requester: aiko,
    conversation: [
      customer(aiko,
        "Hello! Could you tell me how I can export all of last year's invoices as PDFs? Thank you so much for your help.", 3),
    ],
    sampleDraft:
      'Hi Aiko,\n\nGreat question! Go to Billing > Invoices, choose "2025" in the year filter, then click Export and pick PDF. You will get one zip file with every invoice.',
  },
  refund: {
    id: 50302,
    label: 'Refund we must refuse',
    subject: 'Refund for the annual plan',
    requester: jordan,
    conversation: [
      customer(jordan,
        "I bought the annual plan 3 months ago but our team has stopped using it. I'd like a refund for the remaining 9 months please. Order #A-20931.", 5),
      agent('Internal note: annual plans are refundable within 30 days only. We can offer a switch to the monthly plan at renewal, or pause the account for up to 3 months.', 4, true),
    ],
    sampleDraft:
      'Hi Jordan,\n\nUnfortunately, per our policy we cannot refund annual plans after 30 days. There is nothing we can do.',
  },
};

export { AGENT };
