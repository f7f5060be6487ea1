import type { Intent } from '../domain';
import { BARE_CANCEL, CANCEL_WORDS, NAMES_HOST, REQUEST_REF, ROLLBACK_WORDS } from './intent-words';

/**
 * The rules about the bot's own requests and about the bot itself, tried before any rule about a
 * host: a request id, help, cancel, status, an undo of what the bot did, and the audit trail. Their
 * wording is long because people ask these in many ways; each alternative is one way seen.
 */
export interface IntentRule {
  intent: Intent;
  matches(text: string): boolean;
}

const CONTEXT_REF =
  /^\W*(?:following up on|follow(?:ing)?[- ]up (?:to|on)|further to|re:?|regarding|as per|per|in relation to|related to|next step (?:on|for)|continuing) req-\d{1,12}\b/;

export const ABOUT_REQUESTS: IntentRule[] = [
  { intent: 'request.cancel', matches: (t) => REQUEST_REF.test(t) && CANCEL_WORDS.test(t) },
  { intent: 'request.rollback', matches: (t) => REQUEST_REF.test(t) && ROLLBACK_WORDS.test(t) },
  // "Following up on REQ-4455, next step please: refresh the cert on X": the request named is the context of
  // a new one about a host, not a question about it.
  { intent: 'request.status', matches: (t) => REQUEST_REF.test(t) && !(CONTEXT_REF.test(t) && NAMES_HOST.test(t)) },
  {
    intent: 'help',
    matches: (t) =>
      /^\s*(?:(?:hi|hello|hey|hiya|morning)(?: bot| there| team| all)?[,!.]*\s+)?(help|\?+|what can you do|what do you do|commands|how do i use (you|this)|what are you|usage|menu|options|what can i ask( you)?|how (does|do) (this|it|you|this thing|the bot|this bot|this tool)( even)? work|\/help|hlep|halp)\s*[.!?]*\s*$/.test(
        t,
      ) ||
      /^(please )?(help|show help)\b.{0,20}$/.test(t) ||
      /\bwhat (can|do) you do\b|\bhow (to|(do|can|should|would) (i|we|one|people|staff)) (use|ask|talk to|work with) (you|this|the( \w+)? bot)\b|\b(what|which) (commands|operations|requests|actions|things)\b.{0,30}\b(understand|support\w*|know|accept|handle|available|possible)\b|\bwhat (are )?you('re| are)? (allowed|able|permitted) to\b|\b(are|is) (you|the bot|this bot) (allowed|able|permitted) to\b|\bwhat (kinds?|sorts?) of (requests?|things|changes)\b.{0,20}\b(you|bot) (support|handle|do|accept)\b|\bhow does (this|the) bot work\b|\bwhat are you for\b|\b(list|show)( me)? (your|the) (commands|features|capabilities|options|operations)\b|\b(what|which) (sorts? of |kinds? of )?(things|stuff|requests|questions|jobs) can (i|we) (ask|send|give|make|type)\b|\b(which|what) commands\b.{0,20}\b(use|type|say|write|give)\b|\bsyntax\b|\bhow (do|should|can) (i|we) (phrase|word|write|formulate)\b|\bhow (does )?(this|the)( \w+)? bot works?\b|\bwhat (\w+ )?(things|jobs|tasks|stuff) can (you|this bot|the bot) (do|handle|fix)\b|\bhow (i|to|do i|can i) use (this|the)( \w+)? bot\b|^(a |the )?(list of )?(commands|options)( please)?\W*$|\b(which|what) (things|stuff)\b.{0,15}\b(you|bot) (can|could) (do|make|fix|handle)\b|\bwhat (can|does|do|will) (you|this( \w+)? bot|the( \w+)? bot) (\w+ )?do\b|\bwhat is possible\b.{0,20}\b(bot|you)\b|\b(do not|don't) know the commands\b|\b(can|could|may) i ask you (to|for)\b.{0,20}\?|\b(which|what) (things|stuff|problems|issues|changes)\b.{0,20}\b(can|does|do|will) (you|this( \w+)? bot|the( \w+)? bot)\b|\bwhich (operations|commands|things|changes)\b.{0,30}\b(support|do|need an approver|allowed)\b|\bwhat (kinds?|sorts?) of\b.{0,40}\b(can|do|does) (you|this bot|the bot)\b|\b(a )?list of (the )?(things|requests|commands|questions) (i|we) can (ask|send|type|say)\b|\bwhat (can|could|do) (i|we) use (this|the|you)( \w+)?( bot| tool)? for\b|\b(list|tell me|show me) (the |all the )?(things|stuff|problems|issues|jobs) (you('re| are) able to|you can|you could) (fix|do|handle|help with)\b/.test(
        t,
      ),
  },
  {
    intent: 'request.cancel',
    matches: (t) =>
      (BARE_CANCEL.test(t) && !NAMES_HOST.test(t) && t.length < 60) ||
      (/\b(cancel|abort|withdraw|scrap|forget|discard|drop|kill|stop|bin|ditch)\b.{0,30}\b(request|that|it|this|last|my|change|plan)\b/.test(
        t,
      ) &&
        // "why would a group policy stop a licence server change from sticking?": preventing, not cancelling.
        !/\bevery\b|\bzz(rdsh|pc|ls)\b|\b(stop|stops|stopping)\b.{0,40}\bfrom\b/.test(t)) ||
      /^\s*(cancel|never ?mind|nvm|forget it|scrap that|abort|stop|do not bother|ignore that|disregard( that)?)\s*[.!]*\s*$/.test(
        t,
      ),
  },
  {
    intent: 'request.status',
    matches: (t) =>
      /\b(status|state|progress|update|news)\b.{0,40}\b(request|change|job|ticket|ask)\b(?!\s*:)|^\s*(done|finished|ready|through) yet\b|\b(where|what happened)\b.{0,20}\b(my|the|that)\b.{0,10}\b(request|change)\b|\bis my (request|change)\b|\b(did|has) (it|my request|my change|that) (work|go through|run|finish|get approved|been approved)|\bis it done\b|\bi asked for\b.{0,12}\b(go(ne)? through|work(ed)?|run|finish(ed)?|happen(ed)?)\b|\b(it is|is it) (done|finished|ready|through)\b|\bmy (request|demand|ticket|change)\b.{0,30}\b(done|finished|ready|status)\b|\b(did|has|have) (it|that|my\b[\w ]{0,25}?) (work\w*|go(ne)? through|run|finish\w*|get approved|been (approved|done|run))\b|\b(anyone|somebody|someone) approved my\b|\b(update|news|progress) on (the|my)\b|\bchecking (in )?on (the|my) request\b|\bany progress\b|^\s*still pending\b|\bstatus of [0-9a-f]{8}-|\brequest status\b|\b(approval|sign-?off|go-?ahead)\b.{0,20}\b(come through|come back|arrived|landed)\b.{0,30}\b(my|the|that)\b.{0,10}\b(request|change)\b|\bwhere are we (with|on) (the|my|that)\b|\b(still )?waiting (on|for) (the |an? |my )?(approval|sign-?off|go-?ahead|approver)\b|\b(the|my|that) [\w ]{0,30}\b(i|we) (put in|asked for|raised|submitted|requested|logged|sent)\b.{0,30}\?/.test(
        t,
      ) ||
      /^\s*(status|update|progress|any news|any update|news)\s*[.!?]*\s*$/.test(t) ||
      // "how's that change going?": how a request asked for earlier is doing.
      /\bhow(?:'s| is) (that|my|the|our) (change|request|reset|job)( going| doing| coming along| getting on)?\b/.test(
        t,
      ) ||
      // "has the cert refresh on LMS-RDS05 finished yet?": a change asked for earlier, and whether it is done.
      /\b(has|have|did|is|was) (the|my|that|our|your) (?:[\w-]+ ){0,3}?(refresh|reset|change|restart|reboot|rollback|undo|switch|update|clear|wipe)\b(?: [\w-]+){0,4}? (finished|finish|done|completed?|gone through|go through|happened|been (done|run|applied))\b/.test(
        t,
      ) ||
      (/\b(status|progress|news|updates?)\b/.test(t) && !NAMES_HOST.test(t) && t.split(' ').length <= 8),
  },
  {
    // "roll back whatever you did to LEDGER-TS yesterday": an undo, whatever words about the past follow.
    intent: 'request.rollback',
    matches: (t) =>
      /^\s*((please|pls|can you|could you)\s+)?(roll ?back|undo|revert|reverse)\b/.test(t) &&
      /\b(you did|you changed|the bot did|was done|last change|zz(rdsh|pc))\b/.test(t),
  },
  {
    intent: 'audit.query',
    matches: (t) =>
      /\baudit (log|trail|history|records?|entries)\b|\b(show|check|search|query|read) (me )?(the )?audit\b|^\s*audit\b(?!\s*(prep\w*|season|team|department|dept|is coming|next)\b)|\b(did|has|have) (anyone|anybody|someone|somebody|the bot|you) (make|made|do|done|push|pushed|apply|applied) (any )?changes? (to|on)\b|\bwho( else)? (has |have )?(changed|touched|reset|modified|did|ran|asked|requested|approved)\b|\b(change )?history\b|\bwhat changed on\b|\bwhat (has|did|have) zzuser\b|\bwhat zzuser (has|have|did) (asked|requested|approved|changed|done|run)\b|\bwhat (did|has|have) (the bot|you) (change|do|run|reset)\w*\b|\bwhat (did|has|have) (?!(it|that|this|the|you|i|we)\b)[a-z][\w.-]* (ask|asked|request|requested|approve|approved|change|changed|run|ran)\b|\b(everything|anything|all|whatever) (the bot|you) (has |have )?(changed|did|done|ran|reset|approved)\b|\b(everything|anything|all|whatever) (?!(the|you|i|we)\b)[a-z][\w.-]* (has |have )?(approved|requested|asked for|changed|ran)\b|\brequests? (by|from|made by) zzuser\b|\bzzuser'?s? (requests|changes)\b|\b(what|which) (changes|requests|tickets) (did|has|were|have)\b|\bchanges (were |have been )?made\b|\bchanges\b.{0,20}\bmade\b|\b(every|each|any|all) changes? (made|done|run|applied)\b|\b(list|show)\b.{0,15}\b(all )?(the )?changes\b|\b(did|has|have) (anyone|anybody|someone|somebody) (touch|change|modif|reset|restart|reboot)\w*|(\?|\b(when|who|what|which|whether|show|list|everything|anything)\b).*\b(was|were|been) (approved|changed|done|run|requested)\b.{0,30}\b(last|today|this|since|yesterday)\b|(?<!\b(can|could|would|will|may|might|should|pls|please) )\b(anyone|anybody|someone|somebody) (touched|changed|modified|reset)\b|\bwho (has |had )?(set|reset|ran|did|put|pointed|switched|restarted|rebooted|cleared|approved)\b(?! it\b)|\bwho (has|had|have) (made|done|performed|run|requested)\b|\bchange ?log\b|\bwho( is|'s| has| have)? been (changing|touching|messing with|resetting|modifying|fiddling with|editing|tinkering with)\b|\b(everything|anything|all)( that was| that's been| that has been)? (done|changed|run) (on|to)\b|\b(has|have|did) (?!(it|that|this|the|you|i|we|anyone|anybody|someone|somebody)\b)[a-z][\w.-]* (asked|requested|approved|ordered|ask|request|approve|order|change|changed|touch|touched|modify|modified) (for )?(anything|something|any changes)\b|\b(the )?bot'?s (changes|requests|actions)\b|\bchanges (made )?by the bot\b|\b(anything|everything|what|which|any|all|changes|requests)\b.{0,20}\b(requested|asked for|approved|submitted|raised) by\b|\b(has|did|have) (?!(it|that|this|the|you|i|we)\b)[a-z][\w.-]* (made|done) (any )?changes\b|\b(every|all|any|past|previous|recent|earlier|old)( the| of the)? ((?!(?:time|i|we|you|they|he|she)\b)[\w-]+ ){0,3}(requests|changes)\b(?! (it|them|that|this)\b)|\bevery ((?!(?:time|i|we|you|they|he|she)\b)[\w-]+ ){0,3}request\b(?! (it|them|that|this)\b)|\bwho (made|did|ran|pushed|requested|approved) (the |any |a )?(changes?|requests?|resets?)\b|\b(what|which|any) changes (went through|were (made|done|run|applied)|happened|got (made|done|applied))\b|\b(has|have|did) (anyone|anybody|someone|somebody) (asked for|requested|put in|raised|submitted|logged)\b/.test(
        t,
      ),
  },
];
