import { lifecycleDiagram } from '../bot/requests/lifecycle';

/** Prints the lifecycle table for docs/request-lifecycle.md (the test checks the doc contains it). */
console.log(lifecycleDiagram());
