define(['@grafana/data'], function (data) {
  'use strict';
  return { plugin: new data.PanelPlugin(function () { return null; }) };
});
