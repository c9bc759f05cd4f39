// ANY /v2/* (unknown paths) — 404 in the JSON envelope instead of Next's HTML page
import { notFoundHandler } from '@/lib/api/handler';

export const dynamic = 'force-dynamic';

const notFound = notFoundHandler('v2');
export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
