/** Stream names: `category-id`, one category per aggregate. */
export const organisationStream = (id: string) => `organisation-${id}`;
export const agreementStream = (id: string) => `agreement-${id}`;
export const promiseStream = (id: string) => `promise-${id}`;
export const assessmentStream = (id: string) => `assessment-${id}`;
